import { cookies } from 'next/headers'
import { connection } from 'next/server'
import { submitComment } from '@/app/reviews/[slug]/actions'
import { flattenComments, countComments, type CommentThread } from '@/lib/cms/comments'
import { FLASH_COOKIE, readFlash } from '@/lib/comments/flash'
import { createFormToken } from '@/lib/comments/form-token'
import { env } from '@/lib/env'
import { CommentForm } from './comment-form.client'
import Link from 'next/link'
import { CommentList } from './comment-list'
import { PendingComment } from './pending-comment'

type Props = {
  review: { id: string; slug: string; title: string; commentsOpen: boolean }
  thread: CommentThread | null
  replyToId: string | null
}

/** The form is rendered per request: its token carries the render time. */
async function CommentFormLeaf({ review, thread, replyToId }: Props) {
  await connection()
  const secret = env().COMMENT_FORM_SECRET
  if (!secret || !env().CMS_API_TOKEN) {
    return <p className="notice">Comments cannot be posted at the moment.</p>
  }
  const parent = replyToId ? flattenComments(thread?.comments ?? []).find((c) => c.id === replyToId && c.depth < 3) ?? null : null
  const flash = readFlash((await cookies()).get(FLASH_COOKIE)?.value, review.id)
  const action = submitComment.bind(null, { reviewId: review.id, reviewSlug: review.slug, parentId: parent?.id ?? null })
  return (
    <CommentForm
      key={parent?.id ?? 'top'}
      action={action}
      formToken={createFormToken(secret, Date.now())}
      replyTo={parent ? { id: parent.id, authorName: parent.authorName } : null}
      cancelReplyHref={`/reviews/${review.slug}#respond`}
      {...(flash ? { initialState: flash } : {})}
    />
  )
}

function CommentPages({ slug, page, pageCount }: { slug: string; page: number; pageCount: number }) {
  const href = (p: number) => (p > 1 ? `/reviews/${slug}?cpage=${p}#comments` : `/reviews/${slug}#comments`)
  return (
    <nav className="pagination" aria-label="Comment pages">
      {page > 1 ? <Link href={href(page - 1)}>← Older comments</Link> : <span />}
      <span>
        Comments page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Newer comments →</Link> : <span />}
    </nav>
  )
}

export function CommentSection(props: Props) {
  const { review, thread } = props
  const comments = thread?.comments ?? []
  const total = countComments(comments)
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {total === 0 ? 'Comments' : `${total} ${total === 1 ? 'comment' : 'comments'} on “${review.title}”`}
      </h2>
      <CommentList comments={comments} reviewSlug={review.slug} commentsOpen={review.commentsOpen} commentsPage={thread?.pagination.page ?? 1} />
      {thread && thread.pagination.pageCount > 1 ? <CommentPages slug={review.slug} page={thread.pagination.page} pageCount={thread.pagination.pageCount} /> : null}
      {/* Both read cookies and render per request; nothing here is inside a 'use cache' scope. */}
      <PendingComment reviewId={review.id} approved={comments} />
      {review.commentsOpen ? (
        <CommentFormLeaf {...props} />
      ) : (
        <p className="notice">Comments are closed.</p>
      )}
    </section>
  )
}
