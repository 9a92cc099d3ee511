import 'server-only';
import { z } from 'zod';
import { PENDING_COOKIE } from './cookies';
import { signCookie, verifyCookie } from './signed-cookie';

/**
 * The reader's own comment awaiting moderation, kept in a signed httpOnly cookie scoped to its review's path
 * (see ./cookies.ts). A reader who holds it gets that review rendered for them alone, so it never reaches a
 * shared page.
 */
export const pendingCommentSchema = z.object({
  reviewId: z.string().min(1),
  id: z.string().min(1),
  name: z.string(),
  body: z.string(),
  createdAt: z.string(),
  parent: z.string().nullable(),
});
export type PendingComment = z.infer<typeof pendingCommentSchema>;

/** Browsers drop cookies over ~4 KB; the body shown back is shortened (UTF-8 bytes), the CMS has the whole text. */
export const PENDING_BODY_MAX_BYTES = 1800;
export const PENDING_MAX_AGE_S = 60 * 60 * 24 * 7;

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > maxBytes - 3) break;
    out += ch;
  }
  return `${out}…`;
}

export function encodePending(secret: string, comment: PendingComment, nowMs = Date.now()): string {
  const body = truncateUtf8(comment.body, PENDING_BODY_MAX_BYTES);
  const payload = Buffer.from(JSON.stringify({ ...comment, body })).toString('base64url');
  return signCookie(secret, PENDING_COOKIE, payload, nowMs / 1000 + PENDING_MAX_AGE_S);
}

/** Null for a missing, tampered, expired or malformed cookie, or one for another review. */
export function decodePending(
  secret: string,
  value: string | undefined,
  reviewId: string,
  nowMs = Date.now(),
): PendingComment | null {
  const payload = verifyCookie(secret, PENDING_COOKIE, value, nowMs);
  if (!payload) return null;
  try {
    const parsed = pendingCommentSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.reviewId === reviewId ? parsed.data : null;
  } catch {
    return null;
  }
}
