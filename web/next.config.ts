import type { NextConfig } from 'next';
import { contentSecurityPolicy as buildContentSecurityPolicy } from './lib/csp';

const isDev = process.env.NODE_ENV === 'development';

const contentSecurityPolicy = buildContentSecurityPolicy({ dev: isDev });

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  agentRules: false,
  cacheComponents: true,
  experimental: {
    // The site's one stylesheet (about 3 KiB gzip) arrives inside the HTML: no render-blocking request between the
    // page and its first paint, which on a phone's slow connection is a round trip or more before the cover shows.
    inlineCss: true,
  },
  partialPrefetching: true,
  // Replicas share Next's caches through Redis when REDIS_URL is set at run time, and keep Next's own in-memory
  // and file-system caches when it is not: the handlers decide at start-up (cache-handlers/redis-client.js).
  cacheHandler: require.resolve('./cache-handlers/redis-incremental.js'),
  cacheHandlers: { default: require.resolve('./cache-handlers/redis-use-cache.js') },
  cacheLife: {
    // Webhooks from the CMS drive freshness; the periodic refresh only covers a missed webhook.
    // A long expire keeps the last good page for readers while the CMS is down.
    cms: { stale: 60, revalidate: 300, expire: 60 * 60 * 24 * 30 },
  },
  /**
   * Every page has a path of its own (lib/paths.ts) that a folder of app/ matches, with two exceptions rewritten
   * here: the home page (`/`, served by /latest/[page]) and the site FAQ (`/faq`, by /faq/[scope]). A route with no
   * dynamic segment would be prerendered at build, when the CMS may be absent; a dynamic one renders on its first
   * request and is cached whole after it (lib/static-params.ts). Search (`/search?q=`) is rewritten by proxy.ts: its
   * terms need an encoding a rewrite cannot do. The old query-string pages (`?page=N`, `?cpage=N`) are redirected by
   * proxy.ts too: a redirect here would carry the query string along.
   */
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/', destination: '/latest/1' },
        { source: '/faq', destination: '/faq/site' },
      ],
    };
  },
  /** Page 1 has no number in its address, and the two rewritten pages have only theirs. */
  async redirects() {
    return [
      { source: '/latest/1', destination: '/', permanent: true },
      { source: '/faq/site', destination: '/faq', permanent: true },
      { source: '/genres/:slug/1', destination: '/genres/:slug', permanent: true },
      { source: '/authors/:slug/1', destination: '/authors/:slug', permanent: true },
      { source: '/reviews/:slug/comments/1', destination: '/reviews/:slug', permanent: true },
      {
        source: '/reviews/:slug/comments/1/reply/:comment',
        destination: '/reviews/:slug/reply/:comment',
        permanent: true,
      },
    ];
  },
  async headers() {
    // An editor's preview (draft mode) may be framed by the admin panel: proxy.ts sets its policy at run time, where
    // the admin's origin is known.
    const preview = [{ type: 'cookie' as const, key: '__prerender_bypass' }];
    return [
      { source: '/((?!uploads/|reviews/).*)', headers: securityHeaders },
      { source: '/reviews/:path*', missing: preview, headers: securityHeaders },
      {
        source: '/reviews/:path*',
        has: preview,
        headers: securityHeaders.filter((h) => h.key !== 'Content-Security-Policy' && h.key !== 'X-Frame-Options'),
      },
      // Uploaded files keep the sandboxing policy their route sets (app/uploads): the site's CSP would replace it.
      { source: '/uploads/:path*', headers: securityHeaders.filter((h) => h.key !== 'Content-Security-Policy') },
    ];
  },
};

export default nextConfig;
