import type { Context } from 'koa';
import { isFromWeb } from './web-token';

export interface Reader {
  ip: string | null;
  userAgent: string | null;
  /** The request carries the web server's own API token. */
  fromWeb: boolean;
}

/**
 * The reader behind a request. The web server posts on the reader's behalf, so it passes the reader's address in
 * headers; those are believed only when the request carries the web's own API token.
 */
export const readerOf = (ctx: Context): Reader => {
  const fromWeb = isFromWeb(ctx);
  const header = (name: string) => {
    const value = ctx.get(name).trim();
    return value === '' ? null : value;
  };
  return fromWeb
    ? { ip: header('x-marquee-client-ip') ?? ctx.request.ip, userAgent: header('x-marquee-client-ua'), fromWeb }
    : { ip: ctx.request.ip, userAgent: header('user-agent'), fromWeb };
};
