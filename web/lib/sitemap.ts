import { escapeXml } from './xml';

/**
 * URLs per review sitemap. The protocol allows 50,000 per file; 5,000 keeps each chunk one bounded CMS read and a
 * few hundred KB, and makes a site of 10,000 reviews use several chunks, so chunking is exercised.
 */
export const SITEMAP_CHUNK_SIZE = 5_000;

export type SitemapUrl = { loc: string; lastmod?: string | null };

/** Chunks needed for `total` reviews: at least one, so the index always names a (possibly empty) review sitemap. */
export function reviewChunkCount(total: number): number {
  return Math.max(1, Math.ceil(total / SITEMAP_CHUNK_SIZE));
}

/** `/sitemaps/reviews/3.xml` -> 3; anything else (0, 03, 3.txt, a huge number) -> null. */
export function parseChunk(segment: string): number | null {
  const match = /^([1-9][0-9]{0,4})\.xml$/.exec(segment);
  return match ? Number(match[1]) : null;
}

export function reviewChunkPath(chunk: number): string {
  return `/sitemaps/reviews/${chunk}.xml`;
}

export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';

function lastmod(value: string | null | undefined): string {
  return value ? `<lastmod>${escapeXml(value)}</lastmod>` : '';
}

/** The sitemap index robots.txt names: the site's own pages, then every review chunk. */
export function sitemapIndexXml(siteUrl: string, reviewTotal: number, newest: string | null): string {
  const sitemaps: SitemapUrl[] = [
    { loc: `${siteUrl}${PAGES_SITEMAP_PATH}`, lastmod: newest },
    ...Array.from({ length: reviewChunkCount(reviewTotal) }, (_, i) => ({
      loc: `${siteUrl}${reviewChunkPath(i + 1)}`,
    })),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.map((s) => `  <sitemap><loc>${escapeXml(s.loc)}</loc>${lastmod(s.lastmod)}</sitemap>`).join('\n')}
</sitemapindex>
`;
}

export function urlsetXml(urls: SitemapUrl[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${lastmod(u.lastmod)}</url>`).join('\n')}
</urlset>
`;
}

export const SITEMAP_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' } as const;

/** A sitemap asked for while the CMS cannot be read and nothing is cached: crawlers retry later. */
export function sitemapUnavailable(): Response {
  return new Response('The CMS is unavailable; try again shortly.', { status: 503, headers: { 'Retry-After': '60' } });
}
