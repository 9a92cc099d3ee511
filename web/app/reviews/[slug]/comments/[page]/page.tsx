import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReviewPage, reviewPageMetadata } from '@/components/reviews/review-page'
import { toPageNumber } from '@/lib/cms/strapi'
import { submitComment } from '../../actions'
import { PARAM_PLACEHOLDER } from '@/lib/static-params'

/** A later page of a review's comments (`/reviews/<slug>?cpage=N` is rewritten here); cached like the review. */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, page: PARAM_PLACEHOLDER }]
}

export const instant = false // blocks on its params while it renders for the first time; not streamed, so it reads without JavaScript
async function read(params: PageProps<'/reviews/[slug]/comments/[page]'>['params']) {
  const { slug, page } = await params
  const commentsPage = toPageNumber(page)
  if (String(commentsPage) !== page) notFound()
  return { slug, commentsPage }
}

export async function generateMetadata({ params }: PageProps<'/reviews/[slug]/comments/[page]'>): Promise<Metadata> {
  const { slug, commentsPage } = await read(params)
  return reviewPageMetadata(slug, { commentsPage })
}

export default async function Page({ params }: PageProps<'/reviews/[slug]/comments/[page]'>) {
  const { slug, commentsPage } = await read(params)
  return <ReviewPage slug={slug} commentsPage={commentsPage} submit={submitComment} />
}
