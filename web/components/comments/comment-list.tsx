import type { Comment } from '@/lib/cms/comments';
import { formatDateTime } from '@/lib/format';
import { replyPath } from '@/lib/paths';

const MAX_REPLY_DEPTH = 3;

function CommentBody({ body }: { body: string }) {
  // Reader text is rendered as text: paragraphs split on blank lines, never parsed as markup.
  return (
    <div className="comment-body">
      {body.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export function CommentAuthor({ name, website }: { name: string; website: string | null }) {
  return website ? (
    <a href={website} rel="nofollow ugc noopener noreferrer" className="comment-author">
      {name}
    </a>
  ) : (
    <span className="comment-author">{name}</span>
  );
}

type ListProps = { reviewSlug: string; commentsOpen: boolean; commentsPage?: number };

/** Works without JavaScript: the review's reply page renders the form answering that comment (cached like the review). */
export function replyHref(reviewSlug: string, commentId: string, commentsPage = 1): string {
  return `${replyPath(reviewSlug, commentId, commentsPage)}#respond`;
}

/** The report form for one comment: the same page for every reader, so it can be cached. */
export function reportHref(reviewSlug: string, commentId: string): string {
  return `/reviews/${reviewSlug}/report/${encodeURIComponent(commentId)}`;
}

function CommentItem({ comment, reviewSlug, commentsOpen, commentsPage }: ListProps & { comment: Comment }) {
  return (
    <li id={`comment-${comment.id}`} className={`comment depth-${comment.depth}`}>
      <article aria-labelledby={`comment-${comment.id}-by`}>
        <header>
          {/* A heading, so each comment's <article> is named by one (and listed in a screen reader's outline). */}
          <h3 id={`comment-${comment.id}-by`} className="comment-meta">
            <CommentAuthor name={comment.authorName} website={comment.website} />{' '}
            {comment.isStaff ? (
              <>
                <span className="staff-badge">Staff</span>{' '}
              </>
            ) : null}
            <span className="says">says:</span>{' '}
            <a href={`#comment-${comment.id}`} className="comment-date">
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
            </a>
          </h3>
        </header>
        {comment.rating ? (
          <p className="comment-stars">
            <span aria-hidden="true">
              {'★'.repeat(comment.rating)}
              {'☆'.repeat(5 - comment.rating)}
            </span>
            <span className="sr-only">Rated the film {comment.rating} out of 5</span>
          </p>
        ) : null}
        <CommentBody body={comment.body} />
        {comment.faqId ? (
          <p className="comment-faq">
            {/* The FAQ sits on the review page itself, whichever page of comments this is. */}
            <a href={`/reviews/${reviewSlug}#faq-${comment.faqId}`}>Answered in our FAQ</a>
          </p>
        ) : null}
        <p className="reply">
          {commentsOpen && comment.depth < MAX_REPLY_DEPTH ? (
            // A plain link, as every comment's other links: the reply page is a whole page (shared and cached, no
            // client navigation to gain), and a client component per comment made a page of 50 threads cost more
            // to render and to hydrate.
            <a href={replyHref(reviewSlug, comment.id, commentsPage)} aria-label={`Reply to ${comment.authorName}`}>
              Reply
            </a>
          ) : null}
          <a
            href={reportHref(reviewSlug, comment.id)}
            className="report-link"
            rel="nofollow"
            aria-label={`Report the comment by ${comment.authorName}`}
          >
            Report
          </a>
        </p>
      </article>
      {comment.replies.length > 0 ? (
        <ol className="children">
          {comment.replies.map((r) => (
            <CommentItem
              key={r.id}
              comment={r}
              reviewSlug={reviewSlug}
              commentsOpen={commentsOpen}
              commentsPage={commentsPage}
            />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function CommentList({ comments, reviewSlug, commentsOpen, commentsPage }: ListProps & { comments: Comment[] }) {
  if (comments.length === 0) return <p className="muted">No comments yet. Be the first to leave one.</p>;
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <CommentItem
          key={c.id}
          comment={c}
          reviewSlug={reviewSlug}
          commentsOpen={commentsOpen}
          commentsPage={commentsPage}
        />
      ))}
    </ol>
  );
}
