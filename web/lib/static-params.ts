/**
 * Cache Components prerenders a dynamic route at build only when generateStaticParams names at least one param;
 * without one the route renders per request and is never cached whole. Real params are not known at build (the
 * CMS may be absent then), so each route names this placeholder, answers it with notFound() before reading
 * anything, and renders every real param on its first request, caching the result (Next's docs, "ISR with Cache
 * Components"). No slug, page number or search can equal it.
 */
export const PARAM_PLACEHOLDER = '__shell__'
