/**
 * Cache-Control for the responses built per request from cached data (feed, sitemap, robots): the same for every
 * reader, so shared caches may keep them, as Next says for its cached pages; the CMS's change notices refresh the
 * data behind them, and the caching proxy keeps them only briefly (proxy/nginx.conf).
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';
