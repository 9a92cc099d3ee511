import type { Metadata } from 'next';
import { SearchView } from '@/views/search-view';

/** The empty search form. With `?q=` the request is rewritten to ./[q]/[page] (proxy.ts). */
export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } };

export default function SearchPage() {
  return <SearchView q="" result={null} />;
}
