import type { NextConfig } from 'next'
import { contentSecurityPolicy as buildContentSecurityPolicy } from './lib/csp'

const isDev = process.env.NODE_ENV === 'development'

const contentSecurityPolicy = buildContentSecurityPolicy({ dev: isDev })

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

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
   * Pages that list (home, genre, author, search) and the site FAQ live on dynamic segments, so they render on
   * their first request, never at build (the CMS may be absent then), and nothing in them reads the query string:
   * each page is cached whole after its first render. Public URLs stay as they were. Search is rewritten by proxy.ts:
   * its terms need an encoding a rewrite cannot do.
   */
  async rewrites() {
    const page = { type: 'query' as const, key: 'page', value: '(?<page>[1-9][0-9]{0,3})' }
    const anyPage = { type: 'query' as const, key: 'page' }
    return {
      beforeFiles: [
        // Any other ?page= (0, 01, 10000, a word) names no page: a 404 ('invalid' is no page number), not page 1.
        { source: '/', has: [page], destination: '/latest/:page' },
        { source: '/', has: [anyPage], destination: '/latest/invalid' },
        { source: '/', destination: '/latest/1' },
        { source: '/genres/:slug', has: [page], destination: '/genres/:slug/:page' },
        { source: '/genres/:slug', has: [anyPage], destination: '/genres/:slug/invalid' },
        { source: '/genres/:slug', destination: '/genres/:slug/1' },
        { source: '/authors/:slug', has: [page], destination: '/authors/:slug/:page' },
        { source: '/authors/:slug', has: [anyPage], destination: '/authors/:slug/invalid' },
        { source: '/authors/:slug', destination: '/authors/:slug/1' },
        { source: '/faq', destination: '/faq/site' },
        {
          source: '/reviews/:slug',
          has: [{ type: 'query' as const, key: 'cpage', value: '(?<cpage>[1-9][0-9]{0,3})' }],
          destination: '/reviews/:slug/comments/:cpage',
        },
        // A reply without JavaScript: a path of its own, so shared caches keep it (a query string per reader would not).
        {
          source: '/reviews/:slug/reply/:comment',
          has: [{ type: 'query' as const, key: 'cpage', value: '(?<cpage>[1-9][0-9]{0,3})' }],
          destination: '/reviews/:slug/comments/:cpage/reply/:comment',
        },
        { source: '/reviews/:slug/reply/:comment', destination: '/reviews/:slug/comments/1/reply/:comment' },
      ],
    }
  },
  async headers() {
    // An editor's preview (draft mode) may be framed by the admin panel: proxy.ts sets its policy at run time, where
    // the admin's origin is known.
    const preview = [{ type: 'cookie' as const, key: '__prerender_bypass' }]
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
    ]
  },
}

export default nextConfig
