import { Pagination } from '@/components/layout/pagination'
import type { SearchPage } from '@/lib/cms/search'
import { SearchResults } from './search-results'

/** Search terms as typed, without control characters (a NUL is never echoed back), at most 100 characters. */
export function cleanQuery(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value
  // eslint-disable-next-line no-control-regex
  return (raw ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100)
}

/**
 * The terms from the results page's path segment: the rewrite from `/search?q=` (next.config.ts) hands them over
 * still percent-encoded, so `<b>` or `café` would be searched for and shown as `%3Cb%3E` and `caf%C3%A9`. Decoded
 * once; text that is not valid encoding (a bare `%`) is kept as it came.
 */
export function termsFromSegment(segment: string): string {
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    // not percent-encoding: the text as it came
  }
  return cleanQuery(decoded)
}

export function SearchView({ q, result }: { q: string; result: SearchPage | null }) {
  return (
    <>
      <h1>{q ? <>Search results for “{q}”</> : 'Search reviews'}</h1>
      <search>
        <form action="/search" method="get" className="search-form" style={{ marginLeft: 0 }}>
          <label htmlFor="search-page-q">Search reviews by title, film or text</label>
          <input id="search-page-q" name="q" type="search" defaultValue={q} />
          <button type="submit">Search</button>
        </form>
      </search>
      <div role="status" aria-live="polite">
        {result ? <p>{result.pagination.total === 0 ? 'No reviews match your search.' : `${result.pagination.total} ${result.pagination.total === 1 ? 'review' : 'reviews'} found.`}</p> : null}
      </div>
      {result && result.hits.length > 0 ? <SearchResults hits={result.hits} /> : null}
      {result ? <Pagination pagination={result.pagination} basePath="/search" params={{ q }} /> : null}
    </>
  )
}
