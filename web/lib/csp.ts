/**
 * The site's Content Security Policy. Static: next.config reads it at build time, when no run-time env is known, so
 * nothing here may depend on CMS_URL. Media is served same-origin through app/uploads (see lib/cms/client.ts), which
 * is why img-src needs no CMS origin. `frameAncestors` is 'none' but for an editor's preview (proxy.ts).
 */
export function contentSecurityPolicy({
  dev = false,
  frameAncestors = "'none'",
}: { dev?: boolean; frameAncestors?: string } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
