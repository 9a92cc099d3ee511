import { SITEMAP_CHUNK_SIZE, parseChunk, reviewChunkCount, sitemapIndexXml, urlsetXml } from '@/lib/sitemap';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('the sitemap index', () => {
  it('names the pages sitemap and one review sitemap per chunk of reviews', () => {
    const xml = sitemapIndexXml('https://marquee.example', 2 * SITEMAP_CHUNK_SIZE + 1, '2026-11-24T20:39:42.114Z');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    expect(locs(xml)).toEqual([
      'https://marquee.example/sitemaps/pages.xml',
      'https://marquee.example/sitemaps/reviews/1.xml',
      'https://marquee.example/sitemaps/reviews/2.xml',
      'https://marquee.example/sitemaps/reviews/3.xml',
    ]);
    expect(xml).toContain('<lastmod>2026-11-24T20:39:42.114Z</lastmod>');
  });

  it('keeps one (empty) review sitemap for a site with no reviews, and exact multiples in whole chunks', () => {
    expect(reviewChunkCount(0)).toBe(1);
    expect(reviewChunkCount(SITEMAP_CHUNK_SIZE)).toBe(1);
    expect(reviewChunkCount(SITEMAP_CHUNK_SIZE + 1)).toBe(2);
    expect(locs(sitemapIndexXml('https://m.example', 0, null))).toHaveLength(2);
  });

  it('stays within the protocol: a chunk holds at most 50,000 URLs', () => {
    expect(SITEMAP_CHUNK_SIZE).toBeLessThanOrEqual(50_000);
  });
});

describe('a urlset', () => {
  it('escapes every location and date as XML', () => {
    const xml = urlsetXml([
      { loc: 'https://m.example/reviews/a&b<c>', lastmod: '2026-11-24' },
      { loc: 'https://m.example/faq' },
    ]);
    expect(xml).toContain(
      '<url><loc>https://m.example/reviews/a&amp;b&lt;c&gt;</loc><lastmod>2026-11-24</lastmod></url>',
    );
    expect(xml).toContain('<url><loc>https://m.example/faq</loc></url>');
    expect(xml).not.toContain('a&b');
  });
});

describe('parseChunk', () => {
  it.each([
    ['1.xml', 1],
    ['42.xml', 42],
  ])('reads %s as chunk %d', (segment, chunk) => expect(parseChunk(segment)).toBe(chunk));

  it.each(['0.xml', '01.xml', '1', '1.txt', '-1.xml', '1.xml.gz', '123456.xml', 'x.xml'])('refuses %s', (segment) => {
    expect(parseChunk(segment)).toBeNull();
  });
});
