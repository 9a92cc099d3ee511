import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MAX_PAGE, wholeNumberParam } from '../../../utils/query-guard';
import { messages } from '../domain/messages';
import { searchService } from '../services/search';

/** GET /api/search?q=&page=&pageSize=: the contract is in ../README.md. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const unknown = Object.keys(ctx.query).filter((key) => !['q', 'page', 'pageSize'].includes(key));
    if (unknown.length > 0) return ctx.badRequest(`Invalid query parameter: ${unknown.join(', ')}`);
    const { q } = ctx.query;
    if (typeof q !== 'string' || q.trim() === '') return ctx.badRequest(messages.queryMissing);
    if (q.length > 200) return ctx.badRequest(messages.queryTooLong);
    const page = wholeNumberParam(ctx.query.page, 1, MAX_PAGE);
    if (page === null) return ctx.badRequest(messages.pageInvalid);
    const pageSize = wholeNumberParam(ctx.query.pageSize, 10);
    if (pageSize === null) return ctx.badRequest(messages.pageSizeInvalid);
    ctx.body = await searchService(strapi).search(q.trim(), page, Math.min(pageSize, 50));
  },
});
