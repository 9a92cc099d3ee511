import 'server-only';
import { hmacSha256Hex, safeEqual } from '@/lib/crypto';
import { FORM_STAMP_COOKIE } from './cookies';

/**
 * `<startedAtMs>.<hex HMAC-SHA256(secret, "<startedAtMs>")>`; the CMS checks it (signature, and that a person had
 * time to write). Pages are cached and shared, so the time cannot come from the page's render: it is stamped per
 * reader by /api/comment-token into an httpOnly cookie when they start writing (the form's first focus with
 * JavaScript; a <noscript> image without it), and the server action reads it from there. A page rendered for one
 * reader alone (their own variant) also carries a fresh one in the form.
 */
export function createFormToken(secret: string, renderedAtMs: number): string {
  const ms = String(Math.trunc(renderedAtMs));
  return `${ms}.${hmacSha256Hex(secret, ms)}`;
}

export const FORM_TOKEN_PATTERN = /^\d{10,16}\.[0-9a-f]{64}$/;

export { FORM_STAMP_COOKIE };
/** A stamp is reused for a day: opening a second form must not make the first one look "too fast". */
export const FORM_STAMP_MAX_AGE_S = 60 * 60 * 24;

/** The stamp's time when it is ours and younger than its max age; null otherwise (a new one is due). */
export function readFormStamp(secret: string, value: string | undefined, now = Date.now()): string | null {
  if (!value || !FORM_TOKEN_PATTERN.test(value)) return null;
  const [ms = ''] = value.split('.');
  if (!safeEqual(createFormToken(secret, Number(ms)), value)) return null;
  const age = now - Number(ms);
  return age >= 0 && age < FORM_STAMP_MAX_AGE_S * 1000 ? value : null;
}
