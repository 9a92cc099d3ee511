import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/layout/pagination'
import { ReviewList } from '@/components/reviews/review-card'
import { JsonLd } from '@/components/seo/json-ld'
import { getGenreBySlug } from '@/lib/cms/genres'
import { listReviewsByGenre } from '@/lib/cms/reviews'
import { toPageNumber } from '@/lib/cms/strapi'
import { env } from '@/lib/env'
import { breadcrumbJsonLd } from '@/lib/seo'
import { CmsUnavailable } from '@/components/layout/cms-unavailable'
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable'

/**
 * Rendered in one piece at request time (data from the 'use cache' fetchers), not streamed behind a loading
 * boundary: streamed content is revealed by inline scripts, and this page must read, and its comment form
 * work, with JavaScript off.
 */
export const instant = false

export async function generateMetadata({ params }: PageProps<'/genres/[slug]'>): Promise<Metadata> {
  const { slug } = await params
  return metadataFromCms(
    () => getGenreBySlug(slug),
    (genre): Metadata =>
      genre
        ? {
            title: `${genre.name} film reviews`,
            description: `Every Marquee review of ${genre.name.toLowerCase()} films, newest first.`,
            alternates: { canonical: `${env().SITE_URL}/genres/${genre.slug}` },
          }
        : { title: 'Genre not found', robots: { index: false } },
    { title: 'Genre' },
  )
}

export default async function GenrePage({ params, searchParams }: PageProps<'/genres/[slug]'>) {
  const { slug } = await params
  const page = toPageNumber((await searchParams).page)
  const loaded = await loadFromCms(() => Promise.all([getGenreBySlug(slug), listReviewsByGenre(slug, page)]))
  if (!loaded.ok) return <CmsUnavailable retryHref={`/genres/${encodeURIComponent(slug)}`} />
  const [genre, { reviews, pagination }] = loaded.data
  if (!genre) notFound()
  return (
    <>
      <JsonLd data={breadcrumbJsonLd(env().SITE_URL, [{ name: 'Reviews', path: '/' }, { name: genre.name, path: `/genres/${genre.slug}` }])} />
      <h1>{genre.name}</h1>
      {reviews.length === 0 ? <p>No {genre.name.toLowerCase()} reviews yet.</p> : <ReviewList reviews={reviews} />}
      <Pagination pagination={pagination} basePath={`/genres/${genre.slug}`} />
    </>
  )
}
