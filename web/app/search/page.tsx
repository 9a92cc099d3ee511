import type { Metadata } from 'next'
import { Pagination } from '@/components/layout/pagination'
import { ReviewList } from '@/components/reviews/review-card'
import { searchReviews } from '@/lib/cms/reviews'
import { toPageNumber } from '@/lib/cms/strapi'
import { CmsUnavailable } from '@/components/layout/cms-unavailable'
import { loadFromCms } from '@/lib/cms/unavailable'

/**
 * Rendered in one piece at request time (data from the 'use cache' fetchers), not streamed behind a loading
 * boundary: streamed content is revealed by inline scripts, and this page must read, and its comment form
 * work, with JavaScript off.
 */
export const instant = false

function readQuery(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value
  return (raw ?? '').trim().slice(0, 100)
}

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  const q = readQuery((await searchParams).q)
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } }
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = await searchParams
  const q = readQuery(params.q)
  const page = toPageNumber(params.page)
  const loaded = q ? await loadFromCms(() => searchReviews(q, page)) : null
  if (loaded && !loaded.ok) return <CmsUnavailable retryHref={`/search?q=${encodeURIComponent(q)}`} />
  const result = loaded?.data ?? null
  return (
    <>
      <h1>{q ? <>Search results for “{q}”</> : 'Search reviews'}</h1>
      <search>
        <form action="/search" method="get" className="search-form" style={{ marginLeft: 0 }}>
          <label htmlFor="search-page-q">Search by title, film or excerpt</label>
          <input id="search-page-q" name="q" type="search" defaultValue={q} />
          <button type="submit">Search</button>
        </form>
      </search>
      <div role="status" aria-live="polite">
        {result ? <p>{result.pagination.total === 0 ? 'No reviews match your search.' : `${result.pagination.total} ${result.pagination.total === 1 ? 'review' : 'reviews'} found.`}</p> : null}
      </div>
      {result && result.reviews.length > 0 ? <ReviewList reviews={result.reviews} /> : null}
      {result ? <Pagination pagination={result.pagination} basePath="/search" params={{ q }} /> : null}
    </>
  )
}
