import { connection } from 'next/server';
import { listReviewSitemapEntries } from '@/lib/cms/reviews';
import { loadFromCms } from '@/lib/cms/unavailable';
import { env } from '@/lib/env';
import { SHARED_CACHE_CONTROL } from '@/lib/http-cache';
import {
  SITEMAP_CHUNK_SIZE,
  SITEMAP_HEADERS,
  sitemapUnavailable,
  parseChunk,
  reviewChunkCount,
  urlsetXml,
} from '@/lib/sitemap';

function notFound(): Response {
  return new Response('No such sitemap.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': SHARED_CACHE_CONTROL },
  });
}

/** `/sitemaps/reviews/N.xml`: the Nth chunk of published reviews, newest first, one cached CMS read each. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/reviews/[chunk]'>): Promise<Response> {
  await connection();
  const chunk = parseChunk((await params).chunk);
  if (chunk === null) return notFound();
  const { SITE_URL } = env();
  const loaded = await loadFromCms(() => listReviewSitemapEntries(chunk, SITEMAP_CHUNK_SIZE));
  if (!loaded.ok) return sitemapUnavailable();
  const { entries, pagination } = loaded.data;
  // Chunk 1 always exists (an empty site has an empty review sitemap, as the index names it).
  if (chunk > reviewChunkCount(pagination.total)) return notFound();
  const body = urlsetXml(entries.map((e) => ({ loc: `${SITE_URL}/reviews/${e.slug}`, lastmod: e.updatedAt })));
  return new Response(body, { headers: { ...SITEMAP_HEADERS, 'Cache-Control': SHARED_CACHE_CONTROL } });
}
