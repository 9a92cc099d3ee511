import 'server-only';
import { cacheLife } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';

export type Loaded<T> = { ok: true; data: T } | { ok: false };

/**
 * Runs a page's CMS reads; a failure becomes `{ ok: false }` so the page renders its own friendly
 * "unavailable" message on the server (readable without JavaScript) instead of Next's client-rendered error
 * shell. Cached data is served by the fetchers first, so this only happens when nothing is cached.
 * Any error is caught, not only CmsError: an error thrown inside a 'use cache' function reaches the caller as
 * Next's generic digest error, so `instanceof CmsError` cannot be relied on here. Next's own control flow
 * (notFound, redirect, dynamic bail-outs) is rethrown.
 */
export async function loadFromCms<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    unstable_rethrow(error);
    const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : 'none';
    console.error(`CMS read failed (digest ${digest}):`, error instanceof Error ? error.message : error);
    return { ok: false };
  }
}

/** Metadata must never fail the page (a throwing generateMetadata stalls the streamed response). */
export async function metadataFromCms<T, M>(load: () => Promise<T>, build: (data: T) => M, fallback: M): Promise<M> {
  const result = await loadFromCms(load);
  return result.ok ? build(result.data) : fallback;
}

/**
 * Called by a page that could not reach the CMS: its cached copy is then kept only briefly (refreshed in the
 * background after 5 s, gone after 5 min), never in place of the real page. The shortest lifetimes that a page
 * with ensureStatic = 'navigation' may have.
 */
export async function keepBriefly(): Promise<void> {
  'use cache';
  cacheLife({ stale: 30, revalidate: 5, expire: 300 });
}
