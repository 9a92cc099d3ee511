import { connection } from 'next/server';
import { listReviews } from '@/lib/cms/reviews';
import { loadFromCms } from '@/lib/cms/unavailable';
import { env } from '@/lib/env';
import { SHARED_CACHE_CONTROL } from '@/lib/http-cache';
import { ratingText } from '@/lib/format';
import { escapeXml } from '@/lib/xml';

function unavailable(): Response {
  return new Response('The CMS is unavailable; try again shortly.', { status: 503, headers: { 'Retry-After': '60' } });
}

export async function GET(): Promise<Response> {
  await connection();
  const { SITE_URL, SITE_NAME } = env();
  const loaded = await loadFromCms(() => listReviews(1, 20));
  if (!loaded.ok) return unavailable();
  const { reviews } = loaded.data;
  const items = reviews.map((r) => {
    const link = `${SITE_URL}/reviews/${r.slug}`;
    const film = r.film ? `${r.film.title}${r.film.year ? ` (${r.film.year})` : ''}` : null;
    const description = [film, r.rating ? ratingText(r.rating.value, r.rating.best) : null, r.excerpt]
      .filter(Boolean)
      .join(' · ');
    return `    <item>
      <title>${escapeXml(r.title)}</title>
      <link>${escapeXml(link)}</link>
      <guid isPermaLink="false">${escapeXml(`${SITE_URL}/reviews#${r.id}`)}</guid>
      ${r.publishedAt ? `<pubDate>${new Date(r.publishedAt).toUTCString()}</pubDate>` : ''}
      ${r.author ? `<dc:creator>${escapeXml(r.author.name)}</dc:creator>` : ''}
      ${r.genres.map((g) => `<category>${escapeXml(g.name)}</category>`).join('')}
      <description>${escapeXml(description)}</description>
    </item>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(SITE_NAME)}</title>
    <link>${escapeXml(`${SITE_URL}/`)}</link>
    <description>Film reviews from ${escapeXml(SITE_NAME)}</description>
    <language>en</language>
    <atom:link href="${escapeXml(`${SITE_URL}/feed.xml`)}" rel="self" type="application/rss+xml" />
${items.join('\n')}
  </channel>
</rss>
`;
  return new Response(body, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': SHARED_CACHE_CONTROL },
  });
}
