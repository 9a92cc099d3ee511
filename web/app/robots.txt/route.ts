import { connection } from 'next/server';
import { env } from '@/lib/env';
import { SHARED_CACHE_CONTROL } from '@/lib/http-cache';

export async function GET(): Promise<Response> {
  // At request time: SITE_URL is the running server's, not the build machine's.
  await connection();
  const { SITE_URL } = env();
  const body = `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\n\nSitemap: ${SITE_URL}/sitemap.xml\n`;
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': SHARED_CACHE_CONTROL },
  });
}
