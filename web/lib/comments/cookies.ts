/**
 * The cookies that make a review page personal. Pages are the same bytes for every anonymous reader and are kept
 * by shared caches; a request that carries one of these is answered per request instead (proxy.ts sends it to the
 * reader's own variant). The caching proxy bypasses its cache only for the signed ones it can verify
 * (./signed-cookie.ts, proxy/reader.js), so a made-up cookie costs the web nothing.
 * Free of server-only imports: proxy.ts reads the names.
 */

/** The reader's own comment awaiting moderation (signed; see ./pending.ts). Path-scoped to its review. */
export const PENDING_COOKIE = 'mq_pending';
/** The answer to a post made without JavaScript, carried across the redirect back (signed; see ./flash.ts). */
export const FLASH_COOKIE = 'mq_flash';
/** The signed time a reader began to write (see ./form-token.ts); not personal for the page, never a bypass. */
export const FORM_STAMP_COOKIE = 'mq_form';
/** Next's draft-mode cookie: an editor's preview is always rendered per request. */
export const DRAFT_COOKIE = '__prerender_bypass';
/** Set beside Next's draft-mode cookie (whose value the proxy cannot check): the signed pass past the proxy's cache. */
export const DRAFT_PASS_COOKIE = 'mq_draft';
export const DRAFT_PASS_MAX_AGE_S = 60 * 60 * 8;

/** The signed cookies that let a request past the caching proxy's cache (proxy/reader.js lists the same names). */
export const PERSONAL_COOKIES = [PENDING_COOKIE, FLASH_COOKIE, DRAFT_PASS_COOKIE] as const;

/** Cookies that follow one review: sent with its page, its comment pages and its comment posts only. */
export function reviewCookiePath(reviewSlug: string): string {
  return `/reviews/${encodeURIComponent(reviewSlug)}`;
}
