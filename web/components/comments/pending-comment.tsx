import type { PendingComment as Pending } from '@/lib/comments/pending';
import { formatDateTime } from '@/lib/format';

/** The reader's own comment awaiting moderation, shown to them alone (their review is rendered for them). */
export function PendingComment({ pending }: { pending: Pending }) {
  return (
    <section className="comment comment-pending" id="comment-pending" aria-labelledby="pending-title">
      <h3 id="pending-title" className="sr-only">
        Your comment
      </h3>
      <p className="comment-meta">
        <span className="comment-author">{pending.name}</span> <span className="says">says:</span>{' '}
        <time dateTime={pending.createdAt}>{formatDateTime(pending.createdAt)}</time>
      </p>
      <p className="moderation-note">
        <em>Your comment is awaiting moderation.</em>
      </p>
      <div className="comment-body">
        {pending.body.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  );
}
