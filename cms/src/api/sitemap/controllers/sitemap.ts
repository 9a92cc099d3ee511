import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MAX_PAGE, wholeNumberParam } from '../../../utils/query-guard';
import { messages } from '../domain/messages';
import { SITEMAP_DEFAULT_PAGE_SIZE, SITEMAP_MAX_PAGE_SIZE, sitemapService } from '../services/sitemap';

/** GET /api/sitemap/reviews?page=&pageSize=: `{ data: [{ slug, updatedAt }], meta: { pagination } }`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async reviews(ctx: Context) {
    const unknown = Object.keys(ctx.query).filter((key) => !['page', 'pageSize'].includes(key));
    if (unknown.length > 0) return ctx.badRequest(messages.unknownParameter(unknown));
    const page = wholeNumberParam(ctx.query.page, 1, MAX_PAGE);
    if (page === null) return ctx.badRequest(messages.pageInvalid);
    const pageSize = wholeNumberParam(ctx.query.pageSize, SITEMAP_DEFAULT_PAGE_SIZE, SITEMAP_MAX_PAGE_SIZE);
    if (pageSize === null) return ctx.badRequest(messages.pageSizeInvalid);
    ctx.body = await sitemapService(strapi).reviews(page, pageSize);
  },
});
