import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { CommentRejection } from '../../comment/domain/rejection';
import { readerOf } from '../../../utils/reader';
import { messages } from '../domain/messages';

const REPORT = 'api::comment-report.comment-report';

export default factories.createCoreController(REPORT, ({ strapi }) => ({
  async create(ctx: Context) {
    const reader = readerOf(ctx);
    const body = ctx.request.body as { data?: unknown } | undefined;
    try {
      // Only the web knows the reader's address, and the rate limits count by it: every other caller is refused.
      if (!reader.fromWeb) throw new CommentRejection(403, messages.webOnly);
      const report = await strapi.service(REPORT).report(body?.data, reader);
      ctx.status = 201;
      ctx.body = { data: report, meta: {} };
    } catch (error) {
      if (!(error instanceof CommentRejection)) throw error;
      ctx.status = error.status;
      ctx.body = error.envelope();
    }
  },
}));
