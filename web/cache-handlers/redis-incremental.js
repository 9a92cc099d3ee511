// @ts-check
'use strict';

/**
 * `cacheHandler`: Next's incremental cache. With Cache Components it holds the full-route cache: pages rendered at
 * run time (APP_PAGE: HTML, RSC payload, segment prefetch data, postponed state) and route handlers (APP_ROUTE),
 * shared by every replica through Redis, with an in-process LRU in front. Without REDIS_URL this file hands Next
 * its own file-system cache class, so nothing changes.
 *
 * Why this handler checks tags itself: Next 16.4 compares a full-route entry's tags (its `x-next-cache-tags`
 * header, the 'use cache' tags plus the route's soft tags `_N_T_/…`) only with an in-memory manifest of the
 * process that received `revalidateTag`. Here they are compared with the tag times in Redis: an expired tag is a
 * miss, and Next renders before answering.
 *
 * A miss in memory and in Redis falls back to Next's file-system cache, read-only: the pages `next build`
 * prerendered live there.
 *
 * An entry is dated from when its render began, not when it was stored (Next's own caches use the latter): a page
 * whose render read the CMS before a change, and was stored after that change's notice expired its tags, would
 * otherwise count as newer than the change and be served until its `revalidate` (an unpublished review answering
 * 200 for minutes). A get that leads to a render (a miss, or a copy past `revalidate`) notes the time, and the set
 * that follows uses it.
 */

const { LRUCache } = require('lru-cache');
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { redisEnabled, processRuntime, createEntryStore, reportFailure } = require('./redis-client');

/** Next's default `cacheMaxMemorySize`. */
const MEMORY_BYTES = 50 * 1024 * 1024;
/** A local copy past `revalidate` asks Redis for a newer one (another replica may have made it) this often at most. */
const RECHECK_MS = 1000;
/** A render noted by get and not stored within this time is forgotten (it failed, or was never stored). */
const RENDER_MS = 60_000;

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} CacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {Parameters<CacheHandler['get']>[1]} GetContext */
/** @typedef {Parameters<CacheHandler['set']>[1]} SetData */
/** @typedef {Parameters<CacheHandler['set']>[2]} SetContext */

/** Every tag that can invalidate the entry. @param {CacheHandlerValue} entry @param {GetContext} ctx @returns {string[]} */
function tagsOf(entry, ctx) {
  const value = entry.value;
  if (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE' || value?.kind === 'PAGES') {
    const header = value.headers?.['x-next-cache-tags'];
    return typeof header === 'string' && header ? header.split(',') : [];
  }
  if (value?.kind === 'FETCH')
    return [...(ctx.kind === 'FETCH' ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : []), ...(value.tags ?? [])];
  return [];
}

/** Seconds until the entry should be regenerated, or undefined when only a tag can make it old. @param {CacheHandlerValue} entry @param {GetContext} ctx */
function revalidateOf(entry, ctx) {
  const revalidate =
    entry.value?.kind === 'FETCH'
      ? (ctx.kind === 'FETCH' && ctx.revalidate) || entry.value.revalidate
      : entry.cacheControl?.revalidate;
  return typeof revalidate === 'number' ? revalidate : undefined;
}

/**
 * @param {{ runtime: import('./redis-client').RedisRuntime, memoryBytes?: number, recheckMs?: number }} options
 * @returns {new (ctx: CacheHandlerContext) => CacheHandler}
 */
function createRedisIncrementalCache({ runtime, memoryBytes = MEMORY_BYTES, recheckMs = RECHECK_MS }) {
  const { tags, log } = runtime;
  /** Shared by the instances Next creates for every request. */
  const store = createEntryStore({
    runtime,
    kind: 'inc',
    what: 'full-route',
    memoryBytes,
    recheckMs,
    madeAt: (/** @type {CacheHandlerValue} */ entry) => entry.lastModified,
  });
  /** When the render of a key began: the first get since its last set that leads to one. */
  /** @type {LRUCache<string, number>} */
  const renders = new LRUCache({ max: 10_000, ttl: RENDER_MS });
  /** @param {string} key @param {number} now */
  const renderBegins = (key, now) => {
    if (!renders.has(key)) renders.set(key, now);
  };

  return class RedisIncrementalCache {
    /** @param {CacheHandlerContext} ctx */
    constructor(ctx) {
      this.ctx = ctx;
      /** @type {FileSystemCache | undefined} */
      this.disk = undefined;
    }

    /** Next's own cache over `.next/server`, read-only: no writes to the replica's disk. */
    buildOutput() {
      const { fs, serverDistDir } = this.ctx;
      if (!this.disk && fs && serverDistDir)
        this.disk = new FileSystemCache({ ...this.ctx, fs, serverDistDir, flushToDisk: false });
      return this.disk;
    }

    /** @param {string} cacheKey @param {GetContext} ctx @returns {Promise<CacheHandlerValue | null>} */
    async get(cacheKey, ctx) {
      try {
        const now = Date.now();
        const stored = await store.get(cacheKey, (entry) => revalidateOf(entry, ctx));
        const revalidate = stored && revalidateOf(stored, ctx);
        const pastRevalidate = stored && revalidate !== undefined && now > stored.lastModified + revalidate * 1000;
        const entry = stored ?? (await this.buildOutput()?.get(cacheKey, ctx));
        if (!entry) {
          renderBegins(cacheKey, now);
          return null;
        }
        if ((await tags.latest(tagsOf(entry, ctx))) > entry.lastModified) {
          store.forget(cacheKey);
          renderBegins(cacheKey, now);
          return null;
        }
        // Next serves it and renders it again in the background.
        if (pastRevalidate) renderBegins(cacheKey, now);
        return entry;
      } catch (error) {
        log('full-route get failed, treated as a miss', error);
        return null;
      }
    }

    /** @param {string} cacheKey @param {SetData} data @param {SetContext} ctx */
    async set(cacheKey, data, ctx) {
      try {
        const isFetch = 'fetchCache' in ctx && ctx.fetchCache;
        const began = renders.get(cacheKey);
        renders.delete(cacheKey);
        /** @type {CacheHandlerValue} */
        const entry = {
          lastModified: began ?? Date.now(),
          // Like the file-system cache: a fetch entry keeps the tags it was stored with.
          value: isFetch && data?.kind === 'FETCH' ? { ...data, tags: ctx.tags } : data,
          cacheControl: !isFetch && 'cacheControl' in ctx ? ctx.cacheControl : undefined,
        };
        await store.set(cacheKey, entry, entry.cacheControl?.expire);
      } catch (error) {
        reportFailure(log, 'full-route set failed, the entry stays in this process only', error);
      }
    }

    /** @param {string | string[]} tagOrTags */
    async revalidateTag(tagOrTags) {
      await tags.expire(typeof tagOrTags === 'string' ? [tagOrTags] : tagOrTags);
    }

    resetRequestCache() {}
  };
}

const Handler = redisEnabled() ? createRedisIncrementalCache({ runtime: processRuntime() }) : FileSystemCache;

// `__esModule` so that a bundler importing this (the proxy.ts bundle does) takes `default` as the class, as Node's require does.
module.exports = { __esModule: true, default: Handler, createRedisIncrementalCache };
