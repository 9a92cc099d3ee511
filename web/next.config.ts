import type { NextConfig } from 'next'

const isDev = process.env.NODE_ENV === 'development'

/**
 * Static on purpose: next.config is frozen at build time, so nothing here may depend on runtime
 * env such as CMS_URL. Media is served same-origin through app/uploads (see lib/cms/client.ts),
 * which is why img-src needs no CMS origin.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? ' ws:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

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
  partialPrefetching: true,
  cacheLife: {
    // Webhooks from the CMS drive freshness; the periodic refresh only covers a missed webhook.
    // A long expire keeps the last good page for readers while the CMS is down.
    cms: { stale: 60, revalidate: 300, expire: 60 * 60 * 24 * 30 },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default nextConfig
