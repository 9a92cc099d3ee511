import { cookies } from 'next/headers'
import type { Comment } from '@/lib/cms/comments'
import { flattenComments } from '@/lib/cms/comments'
import { decodePending, pendingCookieName } from '@/lib/comments/pending'
import { env } from '@/lib/env'
import { formatDateTime } from '@/lib/format'

/**
 * The reader's own comment awaiting moderation. Reads a cookie, so it renders per request inside a
 * Suspense boundary and is never part of a cached page. Disappears once the comment is approved.
 */
export async function PendingComment({ reviewId, approved }: { reviewId: string; approved: Comment[] }) {
  const secret = env().COMMENT_COOKIE_SECRET
  if (!secret) return null
  const jar = await cookies()
  const pending = decodePending(secret, jar.get(pendingCookieName(reviewId))?.value)
  if (!pending || flattenComments(approved).some((c) => c.id === pending.id)) return null
  return (
    <section className="comment comment-pending" id="comment-pending" aria-labelledby="pending-title">
      <h3 id="pending-title" className="sr-only">Your comment</h3>
      <p className="comment-meta">
        <span className="comment-author">{pending.name}</span> <span className="says">says:</span>{' '}
        <time dateTime={pending.createdAt}>{formatDateTime(pending.createdAt)}</time>
      </p>
      <p className="moderation-note"><em>Your comment is awaiting moderation.</em></p>
      <div className="comment-body">
        {pending.body.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  )
}
