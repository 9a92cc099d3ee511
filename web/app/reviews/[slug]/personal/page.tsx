import type { Metadata } from 'next';
import { cookies, draftMode } from 'next/headers';
import { connection } from 'next/server';
import { PreviewBanner } from '@/components/preview/preview-banner';
import { ReviewPage, reviewPageMetadata } from '@/views/review-page';
import { getReviewBySlug } from '@/lib/cms/reviews';
import { toPageNumber } from '@/lib/cms/strapi';
import { loadFromCms } from '@/lib/cms/unavailable';
import { FLASH_COOKIE, PENDING_COOKIE } from '@/lib/comments/cookies';
import { readFlash } from '@/lib/comments/flash';
import { createFormToken } from '@/lib/comments/form-token';
import { decodePending } from '@/lib/comments/pending';
import { verifyCookie } from '@/lib/comments/signed-cookie';
import { env } from '@/lib/env';
import { submitComment } from '../actions';

/**
 * The review rendered for one reader alone, per request and never cached (proxy.ts rewrites their requests here):
 * their comment awaiting moderation, the answer to a post made without JavaScript, the reply form for
 * `?replyTo=`, a form token of their own, or an editor's draft preview. Rendered in one piece, not streamed behind
 * a boundary, so it reads, and its form works, with JavaScript off.
 */
export const instant = false;

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<'/reviews/[slug]/personal'>): Promise<Metadata> {
  const { isEnabled: draft } = await draftMode();
  const commentsPage = toPageNumber((await searchParams).cpage);
  const metadata = await reviewPageMetadata((await params).slug, { draft, commentsPage });
  return { ...metadata, robots: { index: false, follow: !draft } };
}

export default async function Page({ params, searchParams }: PageProps<'/reviews/[slug]/personal'>) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  const { isEnabled: draft } = await draftMode();
  const commentsPage = toPageNumber(query.cpage);
  const replyTo = typeof query.replyTo === 'string' ? query.replyTo : null;
  const jar = await cookies();
  const { COMMENT_COOKIE_SECRET, COMMENT_FORM_SECRET } = env();

  const loaded = await loadFromCms(() => getReviewBySlug(slug, { draft }));
  const reviewId = loaded.ok ? (loaded.data?.id ?? null) : null;
  const reader = reviewId
    ? {
        pending: COMMENT_COOKIE_SECRET
          ? decodePending(COMMENT_COOKIE_SECRET, jar.get(PENDING_COOKIE)?.value, reviewId)
          : null,
        flash: COMMENT_COOKIE_SECRET
          ? await readFlash(
              verifyCookie(COMMENT_COOKIE_SECRET, FLASH_COOKIE, jar.get(FLASH_COOKIE)?.value) ?? undefined,
              reviewId,
            )
          : null,
        replyToId: replyTo,
        // eslint-disable-next-line react-hooks/purity -- rendered once per request (connection()): the stamp is its time
        formToken: COMMENT_FORM_SECRET ? createFormToken(COMMENT_FORM_SECRET, Date.now()) : null,
      }
    : null;
  return (
    <>
      {draft ? <PreviewBanner /> : null}
      <ReviewPage slug={slug} commentsPage={commentsPage} draft={draft} reader={reader} submit={submitComment} />
    </>
  );
}
