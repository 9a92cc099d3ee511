import type { Context } from 'koa';

/** The name of the API token the web server uses (made by bootstrap/web-token.ts, read by the endpoints it calls). */
export const WEB_TOKEN_NAME = 'marquee-web';

/** The request carries the web server's own API token. */
export const isFromWeb = (ctx: Context): boolean => {
  const auth = ctx.state.auth as { strategy?: { name?: string }; credentials?: { name?: string } } | undefined;
  return auth?.strategy?.name === 'content-api-token' && auth.credentials?.name === WEB_TOKEN_NAME;
};
