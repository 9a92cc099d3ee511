import type { Metadata } from 'next';
import { CmsUnavailable } from '@/components/layout/cms-unavailable';
import { SearchView } from '@/views/search-view';
import { searchReviews } from '@/lib/cms/search';
import { loadFromCms } from '@/lib/cms/unavailable';
import { searchPath } from '@/lib/paths';
import { termsFromSegment } from '@/lib/search-query';
import { PARAM_PLACEHOLDER, pageParam } from '@/lib/static-params';

/**
 * Search results: `/search?q=…&page=N` is rewritten here (proxy.ts; the terms as base64url, lib/search-query.ts), so
 * the terms are part of the path and each search is cached, and shared, like any page after its first render
 * (lib/static-params.ts).
 */
export async function generateStaticParams() {
  return [{ q: PARAM_PLACEHOLDER, page: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';
async function read(params: PageProps<'/search/[q]/[page]'>['params']) {
  const { q, page } = await params;
  const n = pageParam(page);
  return { q: termsFromSegment(q), page: n };
}

export async function generateMetadata({ params }: PageProps<'/search/[q]/[page]'>): Promise<Metadata> {
  const { q } = await read(params);
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

export default async function SearchResultsPage({ params }: PageProps<'/search/[q]/[page]'>) {
  const { q, page } = await read(params);
  if (!q) return <SearchView q="" result={null} />;
  const loaded = await loadFromCms(() => searchReviews(q, page));
  if (!loaded.ok) return <CmsUnavailable retryHref={searchPath(q, page)} />;
  return <SearchView q={q} result={loaded.data} />;
}
