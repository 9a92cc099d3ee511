import { notFound } from 'next/navigation';
import { toPageNumber } from '@/lib/cms/strapi';

/**
 * How the site's pages are cached, said once for every route that imports this module.
 *
 * Cache Components prerenders a dynamic route at build only when generateStaticParams names at least one param;
 * without one the route renders per request and is never cached whole. Real params are not known at build (the
 * CMS may be absent then), so each route names this placeholder, answers it with notFound() before reading
 * anything, and renders every real param on its first request, caching the result (Next's docs, "ISR with Cache
 * Components"). No slug, page number or search can equal it.
 *
 * The routes that read the CMS also set `export const ensureStatic = 'navigation'` (Next reads segment options from
 * the page file itself, so the line stays there): such a page is rendered whole before a byte is sent, on build
 * (the placeholder) and on the first request for each real param, so an unknown one answers a real 404, and the
 * page reads without JavaScript (nothing streams in later).
 */
export const PARAM_PLACEHOLDER = '__shell__';

/**
 * A page number from a path segment (`/latest/2`, `/reviews/<slug>/comments/3`): only its canonical spelling is a
 * page; anything else (the placeholder, `02`, `abc`) is not found, before anything is fetched.
 */
export function pageParam(value: string): number {
  const page = toPageNumber(value);
  if (String(page) !== value) notFound();
  return page;
}

/**
 * The page number of an optional last segment (`/genres/drama` is page 1, `/genres/drama/2` page 2): page 1 has no
 * segment of its own (`/genres/drama/1` is redirected, next.config.ts), and more than one segment names nothing.
 */
export function optionalPageParam(segments: string[] | undefined): number {
  if (segments === undefined) return 1;
  const [value = '', ...more] = segments;
  const page = pageParam(value);
  if (page === 1 || more.length > 0) notFound();
  return page;
}
