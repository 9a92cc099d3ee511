import Link from 'next/link';
import { flattenComments, countComments, type CommentThread } from '@/lib/cms/comments';
import type { CommentFormState, SubmitComment } from '@/lib/comments/form-state';
import type { PendingComment as Pending } from '@/lib/comments/pending';
import { reviewPath } from '@/lib/paths';
import { CommentForm } from './comment-form.client';
import { CommentList } from './comment-list';
import { PendingComment } from './pending-comment';

/**
 * What only one reader sees, on the review rendered for them alone (see proxy.ts): their comment awaiting
 * moderation, the answer to their post without JavaScript, the comment they reply to, and a form token of their own.
 */
export type ReaderView = {
  pending: Pending | null;
  flash: CommentFormState | null;
  replyToId: string | null;
  formToken: string | null;
};

type Props = {
  review: { id: string; slug: string; title: string; commentsOpen: boolean };
  thread: CommentThread | null;
  reader: ReaderView | null;
  submit: SubmitComment;
};

function CommentPages({ slug, page, pageCount }: { slug: string; page: number; pageCount: number }) {
  const href = (p: number) => `${reviewPath(slug, p)}#comments`;
  return (
    <nav className="pagination" aria-label="Comment pages">
      {page > 1 ? (
        <Link prefetch={false} href={href(page - 1)}>
          ← Older comments
        </Link>
      ) : (
        <span />
      )}
      <span>
        Comments page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link prefetch={false} href={href(page + 1)}>
          Newer comments →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The same for every reader unless `reader` is given; reads nothing from the request itself. */
export function CommentSection({ review, thread, reader, submit }: Props) {
  const comments = thread?.comments ?? [];
  const total = countComments(comments);
  const parent = reader?.replyToId
    ? (flattenComments(comments).find((c) => c.id === reader.replyToId && c.depth < 3) ?? null)
    : null;
  const pending =
    reader?.pending && !flattenComments(comments).some((c) => c.id === reader.pending?.id) ? reader.pending : null;
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {/* Counted only when every comment is on this page: a page of a long thread would give its own count. */}
        {total === 0
          ? 'Comments'
          : (thread?.pagination.pageCount ?? 1) > 1
            ? `Comments on “${review.title}”`
            : `${total} ${total === 1 ? 'comment' : 'comments'} on “${review.title}”`}
      </h2>
      <CommentList
        comments={comments}
        reviewSlug={review.slug}
        commentsOpen={review.commentsOpen}
        commentsPage={thread?.pagination.page ?? 1}
      />
      {thread && thread.pagination.pageCount > 1 ? (
        <CommentPages slug={review.slug} page={thread.pagination.page} pageCount={thread.pagination.pageCount} />
      ) : null}
      {pending ? <PendingComment pending={pending} /> : null}
      {review.commentsOpen ? (
        <CommentForm
          key={parent?.id ?? 'top'}
          action={submit.bind(null, { reviewId: review.id, reviewSlug: review.slug, parentId: parent?.id ?? null })}
          formToken={reader?.formToken ?? null}
          replyTo={parent ? { id: parent.id, authorName: parent.authorName } : null}
          cancelReplyHref={`/reviews/${review.slug}#respond`}
          permalink={`/reviews/${review.slug}`}
          {...(reader?.flash ? { initialState: reader.flash } : {})}
        />
      ) : (
        <p className="notice">Comments are closed.</p>
      )}
    </section>
  );
}
