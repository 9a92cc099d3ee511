import { notFound } from 'next/navigation'
import { toPageNumber } from '@/lib/cms/strapi'

/**
 * Cache Components prerenders a dynamic route at build only when generateStaticParams names at least one param;
 * without one the route renders per request and is never cached whole. Real params are not known at build (the
 * CMS may be absent then), so each route names this placeholder, answers it with notFound() before reading
 * anything, and renders every real param on its first request, caching the result (Next's docs, "ISR with Cache
 * Components"). No slug, page number or search can equal it.
 */
export const PARAM_PLACEHOLDER = '__shell__'

/**
 * A page number from a path segment (`/latest/2`, `/reviews/<slug>/comments/3`): only its canonical spelling is a
 * page; anything else (the placeholder, `02`, `abc`) is not found, before anything is fetched.
 */
export function pageParam(value: string): number {
  const page = toPageNumber(value)
  if (String(page) !== value) notFound()
  return page
}
