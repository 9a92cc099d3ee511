import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { resolveRedirect } from '../domain/resolve';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/redirects/resolve?path=/old/path`: where it leads, or 404 when it leads nowhere special. */
  async resolve(ctx: Context) {
    const path = typeof ctx.query.path === 'string' ? ctx.query.path : '';
    if (!path.startsWith('/') || path.length > 2000) return ctx.badRequest('path must be a site path, starting with /');
    const resolution = await resolveRedirect(strapi, path);
    if (!resolution) return ctx.notFound('No redirect for that path');
    ctx.body = { data: resolution };
  },
});
