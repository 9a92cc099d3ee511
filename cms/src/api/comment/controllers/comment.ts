import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { MAX_PAGE, wholeNumberParam } from '../../../utils/query-guard';
import { readerOf } from '../../../utils/reader';
import { messages } from '../domain/messages';
import { CommentRejection } from '../domain/rejection';

const COMMENT = 'api::comment.comment';

export default factories.createCoreController(COMMENT, ({ strapi }) => ({
  async create(ctx: Context) {
    const body = ctx.request.body as { data?: unknown } | undefined;
    try {
      const comment = await strapi.service(COMMENT).submit(body?.data, readerOf(ctx));
      ctx.status = 201;
      ctx.body = { data: comment, meta: {} };
    } catch (error) {
      if (!(error instanceof CommentRejection)) throw error;
      ctx.status = error.status;
      ctx.body = error.envelope();
    }
  },

  async findForReview(ctx: Context) {
    // The thread answers from an allowlist of fields; filters, sorts, fields or populate have nothing to act on, so
    // they are refused like Strapi's strictParams refuses them, rather than silently ignored.
    const unknown = Object.keys(ctx.query).filter((key) => key !== 'page' && key !== 'pageSize');
    if (unknown.length > 0) return ctx.badRequest(`Invalid query parameter: ${unknown.join(', ')}`);
    // The same limits as every other list: pages 1 to MAX_PAGE, and a pageSize above 50 is served as 50.
    const page = wholeNumberParam(ctx.query.page, 1, MAX_PAGE);
    if (page === null) return ctx.badRequest(messages.pageInvalid);
    const pageSize = wholeNumberParam(ctx.query.pageSize, 20);
    if (pageSize === null) return ctx.badRequest(messages.pageSizeInvalid);
    const result = await strapi.service(COMMENT).listApproved(String(ctx.params.slug), page, Math.min(pageSize, 50));
    if (!result) return ctx.notFound(messages.reviewNotFound);
    ctx.body = result;
  },

  /** Which page of a review's comments shows one comment: what a reply or report link needs to know it exists. */
  async locate(ctx: Context) {
    const unknown = Object.keys(ctx.query).filter((key) => key !== 'pageSize');
    if (unknown.length > 0) return ctx.badRequest(`Invalid query parameter: ${unknown.join(', ')}`);
    const pageSize = wholeNumberParam(ctx.query.pageSize, 20);
    if (pageSize === null) return ctx.badRequest(messages.pageSizeInvalid);
    const documentId = String(ctx.params.comment);
    const page = await strapi.service(COMMENT).locate(String(ctx.params.slug), documentId, Math.min(pageSize, 50));
    if (page === null) return ctx.notFound(messages.commentNotShown);
    ctx.body = { data: { documentId, page }, meta: {} };
  },
}));
