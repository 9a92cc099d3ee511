import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { CmsEvent } from '@/lib/cms/revalidate';
import { env } from '@/lib/env';

/**
 * After a change notice, asks the caching proxy to fetch the pages it names again at once, instead of serving its
 * copy for up to 2 more seconds (proxy/nginx.conf: a request carrying the refresh secret bypasses the cache and
 * stores the answer). Only the HTML of the pages a reader is likeliest to open; everything else, and the RSC
 * payloads of client navigation, still refresh within 2 s by themselves. Unset PROXY_REFRESH_URL: nothing to do.
 */
export function pathsForEvent(e: CmsEvent): string[] {
  const review = e.model === 'review' ? e.slug : (e.review?.slug ?? null);
  const paths = review ? [`/reviews/${review}`] : [];
  if (e.model === 'review') paths.push('/');
  if (e.model === 'faq' && !e.review) paths.push('/faq');
  return paths;
}

/**
 * The proxy keeps a page per encoding (gzip or none); every browser asks for gzip, so that copy is refreshed. The
 * uncompressed one (scripts, curl) catches up within 2 s by itself, and the web renders each page once, not twice.
 */
const ENCODINGS = ['gzip'];

function refreshOne(base: URL, path: string, encoding: string, secret: string, siteHost: string): Promise<void> {
  return new Promise((resolve) => {
    const client = base.protocol === 'https:' ? https : http;
    const request = client.request(
      new URL(path, base),
      // The proxy keys its cache on the Host readers send: the site's.
      {
        method: 'GET',
        headers: { Host: siteHost, 'Accept-Encoding': encoding, 'X-Marquee-Refresh': secret },
        timeout: 5000,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve());
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', (error) => {
      console.error(`Proxy refresh of ${path} failed:`, error.message);
      resolve();
    });
    request.end();
  });
}

/**
 * Each page is asked for twice, the second time once the first has answered. Next answers concurrent requests for
 * one page with one render: when a render that began before the change (a reader's miss) is still running, the first
 * refresh gets its answer, the page as it was. That render's cache entry is older than the change, so the second
 * request renders the page anew; when the first answer was already fresh, the second is a cache hit.
 *
 * Never throws: a proxy that cannot be reached refreshes within 2 s anyway.
 */
export async function refreshProxy(paths: string[]): Promise<void> {
  const { PROXY_REFRESH_URL, PROXY_REFRESH_SECRET, SITE_URL } = env();
  if (!PROXY_REFRESH_URL || !PROXY_REFRESH_SECRET || paths.length === 0) return;
  const base = new URL(PROXY_REFRESH_URL);
  const siteHost = new URL(SITE_URL).host;
  const refresh = (path: string, encoding: string) => refreshOne(base, path, encoding, PROXY_REFRESH_SECRET, siteHost);
  await Promise.all(
    paths.flatMap((path) => ENCODINGS.map((encoding) => refresh(path, encoding).then(() => refresh(path, encoding)))),
  );
}
