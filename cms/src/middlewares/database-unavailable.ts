import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { messages as commentMessages } from '../api/comment/domain/messages';
import { isDatabaseUnavailable } from '../utils/database-errors';

const RETRY_AFTER_SECONDS = 30;
const GENERIC = 'The CMS cannot reach its database just now. Please try again in a minute.';
/** What the reader is told on the routes that speak to readers; every other route says GENERIC. */
const BY_HANDLER: Record<string, string> = {
  'api::comment.comment.create': commentMessages.unavailable,
};

const handlerOf = (ctx: Context): string | null => {
  const route: unknown = ctx.state.route;
  if (typeof route !== 'object' || route === null || !('handler' in route)) return null;
  return typeof route.handler === 'string' ? route.handler : null;
};

/** Whether the database answers a read of a table (SQLite locked by another process answers `select 1` alone). */
const databaseAnswers = async (strapi: Core.Strapi) => {
  try {
    await strapi.db.query('plugin::users-permissions.role').count();
    return true;
  } catch {
    return false;
  }
};

/**
 * users-permissions turns any error in its strategy, a database one included, into "not authenticated", so an
 * anonymous read (the Public role, which always has permissions here) answers 401 while the database is down.
 */
const hiddenOutage = async (ctx: Context, strapi: Core.Strapi) =>
  ctx.status === 401 && ctx.get('authorization') === '' && !(await databaseAnswers(strapi));

/** The driver's own words, without the SQL that knex puts first (it carries bound values, an API token's hash say). */
const reasonOf = (error: unknown) => {
  if (!(error instanceof Error)) return String(error);
  return `${error.name}: ${error.message.split(' - ').pop() ?? error.message}`;
};

const answerUnavailable = (ctx: Context, strapi: Core.Strapi, reason: string) => {
  strapi.log.warn(`${ctx.method} ${ctx.path} answered 503, the database is unavailable: ${reason}`);
  const message = BY_HANDLER[handlerOf(ctx) ?? ''] ?? GENERIC;
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  ctx.status = 503;
  ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message, details: {} } };
};

/**
 * While the database cannot be reached (PostgreSQL restarting, the pool out of connections, SQLite locked), every
 * request answers 503 with Retry-After in Strapi's error envelope, instead of a 500 that reads like a bug. The pool
 * reconnects by itself once the database is back (knex drops dead connections and opens new ones on demand).
 * Registered right inside strapi::errors, so it sees the error first, wherever it was thrown (authentication
 * included, which reads the API token from the database before any controller runs), and sees the anonymous 401 that hides one.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      answerUnavailable(ctx, strapi, reasonOf(error));
      return;
    }
    if (await hiddenOutage(ctx, strapi))
      answerUnavailable(ctx, strapi, 'an anonymous request was refused as unauthenticated');
  };
