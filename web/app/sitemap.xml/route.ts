import { connection } from 'next/server';
import { listReviewSitemapEntries } from '@/lib/cms/reviews';
import { loadFromCms } from '@/lib/cms/unavailable';
import { env } from '@/lib/env';
import { SHARED_CACHE_CONTROL } from '@/lib/http-cache';
import { SITEMAP_HEADERS, sitemapUnavailable, sitemapIndexXml } from '@/lib/sitemap';

/** The sitemap index: the site's pages, then one sitemap per chunk of reviews (lib/sitemap.ts). */
export async function GET(): Promise<Response> {
  // At request time: SITE_URL is the running server's, not the build machine's.
  await connection();
  const { SITE_URL } = env();
  // One entry, for the total and the newest change; cached and refreshed with the review list.
  const loaded = await loadFromCms(() => listReviewSitemapEntries(1, 1));
  if (!loaded.ok) return sitemapUnavailable();
  const { entries, pagination } = loaded.data;
  return new Response(sitemapIndexXml(SITE_URL, pagination.total, entries[0]?.updatedAt ?? null), {
    headers: { ...SITEMAP_HEADERS, 'Cache-Control': SHARED_CACHE_CONTROL },
  });
}
