import 'server-only';
import { hmacSha256Hex, safeEqual } from '@/lib/crypto';

/**
 * A per-reader cookie's value: `data.expiresAt.hmac`, the HMAC-SHA256 (hex) of `name=data.expiresAt` with
 * COMMENT_COOKIE_SECRET. The caching proxy checks the same format before it lets a request past its cache
 * (proxy/reader.js), so a made-up, expired or tampered cookie, or one moved to another name, gets the shared page.
 * `data` must hold no character a cookie value cannot (base64url, hex, a UUID).
 */
export function signCookie(secret: string, name: string, data: string, expiresAtS: number): string {
  const signed = `${data}.${Math.floor(expiresAtS)}`;
  return `${signed}.${hmacSha256Hex(secret, `${name}=${signed}`)}`;
}

/** The data of a cookie signed with `signCookie` for `name`, or null when it is malformed, tampered or expired. */
export function verifyCookie(
  secret: string,
  name: string,
  value: string | undefined,
  nowMs = Date.now(),
): string | null {
  if (!value) return null;
  const sigAt = value.lastIndexOf('.');
  const signed = value.slice(0, Math.max(sigAt, 0));
  const expAt = signed.lastIndexOf('.');
  if (sigAt <= 0 || expAt <= 0) return null;
  const expiresAt = signed.slice(expAt + 1);
  if (!/^[0-9]{1,12}$/.test(expiresAt) || Number(expiresAt) * 1000 <= nowMs) return null;
  if (!safeEqual(value.slice(sigAt + 1), hmacSha256Hex(secret, `${name}=${signed}`))) return null;
  return signed.slice(0, expAt);
}
