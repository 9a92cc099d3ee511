import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isFromWeb as fromWeb } from '../../../utils/web-token';
import type { TokenCheck } from '../../../mail/tokens';
import { mailMessages } from '../../../mail/messages';

const SUBSCRIBER = 'api::mail-subscriber.mail-subscriber';

const tokenOf = (ctx: Context): unknown =>
  (ctx.request.body as { data?: { token?: unknown } } | undefined)?.data?.token;

const answer = (ctx: Context, check: TokenCheck, done: 'confirmed' | 'unsubscribed') => {
  if (check.ok) {
    ctx.body = { data: { status: done } };
    return;
  }
  ctx.status = 400;
  const message = check.reason === 'expired' ? mailMessages.tokenExpired : mailMessages.tokenInvalid;
  ctx.body = {
    data: null,
    error: { status: 400, name: 'ValidationError', message, details: { reason: check.reason } },
  };
};

/** The two signed links in emails, as the site forwards them. Nothing about the address is ever answered. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async confirm(ctx: Context) {
    if (!fromWeb(ctx)) return ctx.forbidden(mailMessages.webOnly);
    answer(ctx, await strapi.service(SUBSCRIBER).confirm(tokenOf(ctx)), 'confirmed');
  },
  async unsubscribe(ctx: Context) {
    if (!fromWeb(ctx)) return ctx.forbidden(mailMessages.webOnly);
    answer(ctx, await strapi.service(SUBSCRIBER).unsubscribe(tokenOf(ctx)), 'unsubscribed');
  },
});
