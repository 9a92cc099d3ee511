import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

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

const IV_BYTES = 12;
const TAG_BYTES = 16;
const keyOf = (secret: string) => createHmac('sha256', secret).update('marquee mail links v1').digest();

/**
 * The link's token: the address, purpose and expiry sealed with AES-256-GCM, base64url. Sealed rather than only
 * signed, so that the address is not readable in the URL (proxy logs, browser history); GCM's tag makes any change
 * fail. No database lookup is needed, so a token cannot be used to probe which addresses are stored.
 */
export const signToken = (secret: string, purpose: TokenPurpose, email: string, expiresAtMs: number | null): string => {
  const payload: Payload = {
    p: purpose,
    e: email.toLowerCase(),
    x: expiresAtMs === null ? 0 : Math.floor(expiresAtMs / 1000),
  };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
};

export type TokenCheck = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' };

const open = (secret: string, token: string): unknown => {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    return null;
  }
};

export const verifyToken = (secret: string, purpose: TokenPurpose, token: unknown, nowMs: number): TokenCheck => {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{40,1000}$/.test(token) || !secret)
    return { ok: false, reason: 'invalid' };
  const payload = open(secret, token);
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'invalid' };
  const { p, e, x } = payload as Record<string, unknown>;
  if (p !== purpose || typeof e !== 'string' || typeof x !== 'number') return { ok: false, reason: 'invalid' };
  if (x !== 0 && x * 1000 < nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, email: e };
};
