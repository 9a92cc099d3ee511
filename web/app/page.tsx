import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/layout/pagination'
import { ReviewList } from '@/components/reviews/review-card'
import { listReviews } from '@/lib/cms/reviews'
import { toPageNumber } from '@/lib/cms/strapi'
import { env } from '@/lib/env'
import { CmsUnavailable } from '@/components/layout/cms-unavailable'
import { loadFromCms } from '@/lib/cms/unavailable'

/**
 * Rendered in one piece at request time (data from the 'use cache' fetchers), not streamed behind a loading
 * boundary: streamed content is revealed by inline scripts, and this page must read, and its comment form
 * work, with JavaScript off.
 */
export const instant = false

export async function generateMetadata({ searchParams }: PageProps<'/'>): Promise<Metadata> {
  const page = toPageNumber((await searchParams).page)
  const { SITE_URL } = env()
  return {
    title: page > 1 ? `Latest reviews, page ${page}` : { absolute: 'Marquee: film reviews' },
    alternates: { canonical: page > 1 ? `${SITE_URL}/?page=${page}` : `${SITE_URL}/` },
  }
}

export default async function HomePage({ searchParams }: PageProps<'/'>) {
  const page = toPageNumber((await searchParams).page)
  const loaded = await loadFromCms(() => listReviews(page))
  if (!loaded.ok) return <CmsUnavailable retryHref={page > 1 ? `/?page=${page}` : '/'} />
  const { reviews, pagination } = loaded.data
  if (reviews.length === 0 && page > 1) notFound()
  return (
    <>
      <h1>{page > 1 ? `Latest reviews, page ${page}` : 'Latest reviews'}</h1>
      {reviews.length === 0 ? <p>No reviews have been published yet.</p> : <ReviewList reviews={reviews} />}
      <Pagination pagination={pagination} basePath="/" />
    </>
  )
}
