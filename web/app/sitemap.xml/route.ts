import { connection } from 'next/server'
import { listAllReviews } from '@/lib/cms/reviews'
import { loadFromCms } from '@/lib/cms/unavailable'
import { env } from '@/lib/env'
import { SHARED_CACHE_CONTROL } from '@/lib/http-cache'
import { escapeXml } from '@/lib/xml'

function unavailable(): Response {
  return new Response('The CMS is unavailable; try again shortly.', { status: 503, headers: { 'Retry-After': '60' } })
}

export async function GET(): Promise<Response> {
  await connection()
  const { SITE_URL } = env()
  const loaded = await loadFromCms(() => listAllReviews())
  if (!loaded.ok) return unavailable()
  const reviews = loaded.data
  const genres = new Map(reviews.flatMap((r) => r.genres.map((g) => [g.slug, g] as const)))
  const authors = new Map(reviews.flatMap((r) => (r.author ? [[r.author.slug, r.author] as const] : [])))
  const urls = [
    { loc: `${SITE_URL}/`, lastmod: reviews[0]?.updatedAt },
    { loc: `${SITE_URL}/faq` },
    ...reviews.map((r) => ({ loc: `${SITE_URL}/reviews/${r.slug}`, lastmod: r.updatedAt })),
    ...[...genres.keys()].map((slug) => ({ loc: `${SITE_URL}/genres/${slug}` })),
    ...[...authors.keys()].map((slug) => ({ loc: `${SITE_URL}/authors/${slug}` })),
  ]
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SHARED_CACHE_CONTROL } })
}
