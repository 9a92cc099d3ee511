import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReviewPage, reviewPageMetadata } from '@/views/review-page'
import { PARAM_PLACEHOLDER, pageParam } from '@/lib/static-params'
import { submitComment } from '../../../../actions'

/**
 * The review with its form answering one comment, for a reader without JavaScript (`/reviews/<slug>/reply/<id>`,
 * `?cpage=N` for a later comment page, is rewritten here). Nothing here reads the request, so each reply page is
 * cached and shared like the review itself. An id that names no approved comment of the page shows the plain form.
 */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, page: PARAM_PLACEHOLDER, comment: PARAM_PLACEHOLDER }]
}

export const ensureStatic = 'navigation'

/** Strapi document ids: lower-case letters and digits. */
const COMMENT_ID = /^[a-z0-9_]{1,64}$/

async function read(params: PageProps<'/reviews/[slug]/comments/[page]/reply/[comment]'>['params']) {
  const { slug, page, comment } = await params
  const commentsPage = pageParam(page)
  if (!COMMENT_ID.test(comment) || comment === PARAM_PLACEHOLDER) notFound()
  return { slug, commentsPage, comment }
}

export async function generateMetadata({ params }: PageProps<'/reviews/[slug]/comments/[page]/reply/[comment]'>): Promise<Metadata> {
  const { slug, commentsPage } = await read(params)
  return { ...(await reviewPageMetadata(slug, { commentsPage })), robots: { index: false, follow: true } }
}

export default async function Page({ params }: PageProps<'/reviews/[slug]/comments/[page]/reply/[comment]'>) {
  const { slug, commentsPage, comment } = await read(params)
  const reader = { pending: null, flash: null, replyToId: comment, formToken: null }
  return <ReviewPage slug={slug} commentsPage={commentsPage} reader={reader} submit={submitComment} />
}
