import { createHmac, timingSafeEqual } from 'node:crypto';

/** confirm: proves the reader reads this inbox (double opt-in); unsubscribe: stops every email to it. */
export type TokenPurpose = 'confirm' | 'unsubscribe';

interface Payload {
  /** purpose */
  p: TokenPurpose;
  /** email address, lower case */
  e: string;
  /** expiry, Unix seconds; 0 = never (an unsubscribe link must keep working in an old email) */
  x: number;
}

const keyOf = (secret: string) => createHmac('sha256', secret).update('marquee mail links v1').digest();
const mac = (secret: string, body: string) => createHmac('sha256', keyOf(secret)).update(body).digest('base64url');

/** `<base64url payload>.<base64url hmac>`: the link carries the address, so no database lookup can be probed. */
export const signToken = (secret: string, purpose: TokenPurpose, email: string, expiresAtMs: number | null): string => {
  const payload: Payload = { p: purpose, e: email.toLowerCase(), x: expiresAtMs === null ? 0 : Math.floor(expiresAtMs / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body)}`;
};

export type TokenCheck = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' };

export const verifyToken = (secret: string, purpose: TokenPurpose, token: unknown, nowMs: number): TokenCheck => {
  if (typeof token !== 'string' || token.length > 1000 || !secret) return { ok: false, reason: 'invalid' };
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, body = '', signature = ''] = match;
  const expected = Buffer.from(mac(secret, body), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'invalid' };
  const { p, e, x } = payload as Record<string, unknown>;
  if (p !== purpose || typeof e !== 'string' || typeof x !== 'number') return { ok: false, reason: 'invalid' };
  if (x !== 0 && x * 1000 < nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, email: e };
};
