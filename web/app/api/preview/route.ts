import { cookies, draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { getReviewBySlug } from '@/lib/cms/reviews';
import { loadFromCms } from '@/lib/cms/unavailable';
import { DRAFT_PASS_COOKIE, DRAFT_PASS_MAX_AGE_S } from '@/lib/comments/cookies';
import { signCookie } from '@/lib/comments/signed-cookie';
import { safeEqual } from '@/lib/crypto';
import { env } from '@/lib/env';

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/i;

/** The admin's "Open preview": `?secret=&slug=&status=draft|published`. */
export async function GET(request: Request): Promise<Response> {
  const secret = env().PREVIEW_SECRET;
  if (!secret) return new Response('Preview is not configured', { status: 503 });

  const params = new URL(request.url).searchParams;
  if (!safeEqual(params.get('secret') ?? '', secret)) return new Response('Invalid preview secret', { status: 401 });
  const slug = params.get('slug') ?? '';
  if (!SLUG.test(slug)) return new Response('Invalid slug', { status: 400 });
  const status = params.get('status') ?? 'draft';
  if (status !== 'draft' && status !== 'published') return new Response('Invalid status', { status: 400 });

  const draft = await draftMode();
  if (status === 'published') {
    draft.disable();
    (await cookies()).delete(DRAFT_PASS_COOKIE);
    redirect(`/reviews/${slug}`);
  }

  const loaded = await loadFromCms(() => getReviewBySlug(slug, { draft: true }));
  if (!loaded.ok) return new Response('The CMS could not be reached, or refused the preview token', { status: 503 });
  const review = loaded.data;
  if (!review) return new Response('No review with that slug', { status: 404 });

  draft.enable();
  // Next's draft cookie is a random id the caching proxy cannot check; this signed one lets the editor past it.
  const { COMMENT_COOKIE_SECRET, SITE_URL } = env();
  if (COMMENT_COOKIE_SECRET) {
    (await cookies()).set(
      DRAFT_PASS_COOKIE,
      signCookie(COMMENT_COOKIE_SECRET, DRAFT_PASS_COOKIE, '1', Date.now() / 1000 + DRAFT_PASS_MAX_AGE_S),
      {
        httpOnly: true,
        sameSite: 'lax',
        secure: SITE_URL.startsWith('https:'),
        path: '/',
        maxAge: DRAFT_PASS_MAX_AGE_S,
      },
    );
  }
  // The path is built from the CMS's own slug, never from a URL in the query: no open redirect.
  redirect(`/reviews/${review.slug}`);
}
