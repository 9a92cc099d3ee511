import { connection } from 'next/server';
import { listAuthorSlugs } from '@/lib/cms/authors';
import { listGenres } from '@/lib/cms/genres';
import { listReviewSitemapEntries } from '@/lib/cms/reviews';
import { loadFromCms } from '@/lib/cms/unavailable';
import { env } from '@/lib/env';
import { SHARED_CACHE_CONTROL } from '@/lib/http-cache';
import { SITEMAP_HEADERS, sitemapUnavailable, urlsetXml } from '@/lib/sitemap';

/** The site's own pages: home, FAQ, every genre and author page (bounded by the taxonomies, not the reviews). */
export async function GET(): Promise<Response> {
  await connection();
  const { SITE_URL } = env();
  const loaded = await loadFromCms(() =>
    Promise.all([listReviewSitemapEntries(1, 1), listGenres(), listAuthorSlugs()]),
  );
  if (!loaded.ok) return sitemapUnavailable();
  const [newest, genres, authors] = loaded.data;
  const body = urlsetXml([
    { loc: `${SITE_URL}/`, lastmod: newest.entries[0]?.updatedAt },
    { loc: `${SITE_URL}/faq` },
    ...genres.map((g) => ({ loc: `${SITE_URL}/genres/${g.slug}` })),
    ...authors.map((slug) => ({ loc: `${SITE_URL}/authors/${slug}` })),
  ]);
  return new Response(body, { headers: { ...SITEMAP_HEADERS, 'Cache-Control': SHARED_CACHE_CONTROL } });
}
