import { Pagination } from '@/components/layout/pagination';
import type { SearchPage } from '@/lib/cms/search';
import { searchPath } from '@/lib/paths';
import { SearchResults } from '@/components/reviews/search-results';

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
        {result ? (
          <p>
            {result.pagination.total === 0
              ? 'No reviews match your search.'
              : `${result.pagination.total} ${result.pagination.total === 1 ? 'review' : 'reviews'} found.`}
          </p>
        ) : null}
      </div>
      {result && result.hits.length > 0 ? <SearchResults hits={result.hits} /> : null}
      {result ? <Pagination pagination={result.pagination} href={(p) => searchPath(q, p)} /> : null}
    </>
  );
}
