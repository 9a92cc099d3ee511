import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/layout/pagination'
import { CmsImage } from '@/components/media/cms-image'
import { ReviewList } from '@/components/reviews/review-card'
import { getAuthorBySlug } from '@/lib/cms/authors'
import { listReviewsByAuthor } from '@/lib/cms/reviews'
import { toPageNumber } from '@/lib/cms/strapi'
import { env } from '@/lib/env'
import { CmsUnavailable } from '@/components/layout/cms-unavailable'
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable'

/**
 * Rendered in one piece at request time (data from the 'use cache' fetchers), not streamed behind a loading
 * boundary: streamed content is revealed by inline scripts, and this page must read, and its comment form
 * work, with JavaScript off.
 */
export const instant = false

export async function generateMetadata({ params }: PageProps<'/authors/[slug]'>): Promise<Metadata> {
  const { slug } = await params
  return metadataFromCms(
    () => getAuthorBySlug(slug),
    (author): Metadata =>
      author
        ? {
            title: `Reviews by ${author.name}`,
            description: author.bio ?? `Film reviews written by ${author.name}.`,
            alternates: { canonical: `${env().SITE_URL}/authors/${author.slug}` },
          }
        : { title: 'Author not found', robots: { index: false } },
    { title: 'Author' },
  )
}

export default async function AuthorPage({ params, searchParams }: PageProps<'/authors/[slug]'>) {
  const { slug } = await params
  const page = toPageNumber((await searchParams).page)
  const loaded = await loadFromCms(() => Promise.all([getAuthorBySlug(slug), listReviewsByAuthor(slug, page)]))
  if (!loaded.ok) return <CmsUnavailable retryHref={`/authors/${encodeURIComponent(slug)}`} />
  const [author, { reviews, pagination }] = loaded.data
  if (!author) notFound()
  return (
    <>
      <header className="author-header">
        {author.avatar ? <CmsImage image={author.avatar} alt="" className="avatar" /> : null}
        <h1>{author.name}</h1>
        {author.bio ? <p>{author.bio}</p> : null}
      </header>
      <h2>Reviews by {author.name}</h2>
      {reviews.length === 0 ? <p>No published reviews yet.</p> : <ReviewList reviews={reviews} headingLevel={3} />}
      <Pagination pagination={pagination} basePath={`/authors/${author.slug}`} />
    </>
  )
}
