import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getCommentPage } from '@/lib/cms/comments';
import type { SubmitComment } from '@/lib/comments/form-state';
import { PARAM_PLACEHOLDER, pageParam } from '@/lib/static-params';
import { ReviewPage, reviewPageMetadata } from './review-page';

/** Strapi document ids: lower-case letters and digits. */
const COMMENT_ID = /^[a-z0-9_]{1,64}$/;

/** A reply page's address: the review, the comment answered and, on a later comment page, that page's number. */
type ReplyParams = Promise<{ slug: string; comment: string; page?: string }>;

async function read(params: ReplyParams) {
  const { slug, comment, page } = await params;
  const commentsPage = page === undefined ? 1 : pageParam(page);
  if (!COMMENT_ID.test(comment) || comment === PARAM_PLACEHOLDER) notFound();
  if ((await getCommentPage(slug, comment)) !== commentsPage) notFound();
  return { slug, commentsPage, comment };
}

export async function replyPageMetadata(params: ReplyParams): Promise<Metadata> {
  const { slug, commentsPage } = await read(params);
  return { ...(await reviewPageMetadata(slug, { commentsPage })), robots: { index: false, follow: true } };
}

/**
 * The review with its form answering one comment, for a reader without JavaScript (`/reviews/<slug>/reply/<id>`, or
 * `/reviews/<slug>/comments/N/reply/<id>` for a comment on a later page). Nothing here reads the request, so each
 * reply page is cached and shared like the review itself. An id that names no comment shown on that page of the review
 * is a 404.
 */
export async function ReplyPage({ params, submit }: { params: ReplyParams; submit: SubmitComment }) {
  const { slug, commentsPage, comment } = await read(params);
  const reader = { pending: null, flash: null, replyToId: comment, formToken: null };
  return <ReviewPage slug={slug} commentsPage={commentsPage} reader={reader} submit={submit} />;
}
