import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * Strapi's own /_health answers 204 as soon as the HTTP server runs. This one also proves that the database answers,
 * which is what a container orchestrator needs to know before sending traffic.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    try {
      await strapi.db.connection.raw('select 1');
      ctx.body = { status: 'ok', database: 'up' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'error', database: 'down' };
    }
  },
});
