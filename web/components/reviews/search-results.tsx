import Link from 'next/link';
import { Fragment } from 'react';
import { CmsImage } from '@/components/media/cms-image';
import type { SearchHit, SnippetSegment } from '@/lib/cms/search';

/**
 * Where the terms matched, highlighted: each segment is a text node (React escapes it), the highlighted ones wrapped
 * in <mark>. Never set as HTML: the text is the review's own, and a highlight must not be a way to inject markup.
 */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="card-excerpt search-snippet">
      {segments.map((s, i) => (s.highlight ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </p>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  return (
    <article className="card">
      {hit.cover ? (
        <CmsImage image={hit.cover} className="card-cover" alt="" />
      ) : (
        <div className="card-cover card-cover-empty" aria-hidden="true" />
      )}
      <div className="card-body">
        <h2 className="card-title">
          <Link prefetch={false} href={`/reviews/${hit.slug}`}>
            {hit.title}
          </Link>
        </h2>
        {hit.film ? (
          <p className="card-film">
            {hit.film.title}
            {hit.film.year ? ` (${hit.film.year})` : ''}
          </p>
        ) : null}
        {hit.snippet.length > 0 ? (
          <Snippet segments={hit.snippet} />
        ) : hit.excerpt ? (
          <p className="card-excerpt">{hit.excerpt}</p>
        ) : null}
      </div>
    </article>
  );
}

export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ul className="card-grid">
      {hits.map((hit) => (
        <li key={hit.id}>
          <SearchResult hit={hit} />
        </li>
      ))}
    </ul>
  );
}
