import { cookies } from 'next/headers';
import { FORM_STAMP_COOKIE, FORM_STAMP_MAX_AGE_S, createFormToken, readFormStamp } from '@/lib/comments/form-token';
import { env } from '@/lib/env';

/** A transparent 1x1 GIF: the <noscript> stamp is an image, so a browser without JavaScript fetches it. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };

/** Stamps the time this reader began to write, unless a valid stamp is already held (see lib/comments/form-token.ts). */
async function stamp(): Promise<void> {
  const secret = env().COMMENT_FORM_SECRET;
  if (!secret) return;
  const jar = await cookies();
  if (readFormStamp(secret, jar.get(FORM_STAMP_COOKIE)?.value)) return;
  jar.set(FORM_STAMP_COOKIE, createFormToken(secret, Date.now()), {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().SITE_URL.startsWith('https:'),
    path: '/',
    maxAge: FORM_STAMP_MAX_AGE_S,
  });
}

/** The comment form calls this on its first focus. */
export async function POST(): Promise<Response> {
  await stamp();
  return new Response(null, { status: 204, headers: PRIVATE });
}

/** The <noscript> image in the comment form. */
export async function GET(): Promise<Response> {
  await stamp();
  return new Response(new Uint8Array(PIXEL), { headers: { ...PRIVATE, 'Content-Type': 'image/gif' } });
}
