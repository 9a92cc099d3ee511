import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { WEB_TOKEN_NAME } from '../../../bootstrap/web-token';
import { MAX_PAGE, wholeNumberParam } from '../../../utils/query-guard';
import { messages } from '../services/messages';
import { CommentRejection } from '../services/rejection';

const COMMENT = 'api::comment.comment';

/**
 * The reader behind a request. The web server posts on the reader's behalf, so it passes the reader's address in
 * headers; those are believed only when the request carries the web's own API token.
 */
const readerOf = (ctx: Context) => {
  const auth = ctx.state.auth as { strategy?: { name?: string }; credentials?: { name?: string } } | undefined;
  const fromWeb = auth?.strategy?.name === 'content-api-token' && auth.credentials?.name === WEB_TOKEN_NAME;
  const header = (name: string) => {
    const value = ctx.get(name).trim();
    return value === '' ? null : value;
  };
  return fromWeb
    ? { ip: header('x-marquee-client-ip') ?? ctx.request.ip, userAgent: header('x-marquee-client-ua') }
    : { ip: ctx.request.ip, userAgent: header('user-agent') };
};

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
      ctx.body = {
        data: null,
        error: { status: error.status, name: error.name, message: error.message, details: { errors: error.errors } },
      };
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
}));
