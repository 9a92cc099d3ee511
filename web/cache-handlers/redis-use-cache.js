// @ts-check
'use strict';

/**
 * `cacheHandlers.default`: the 'use cache' entries (the CMS fetchers in lib/cms tag them with cacheTag), shared
 * by every replica through Redis, with an in-process LRU in front so that a hot entry costs no entry transfer.
 * Without REDIS_URL this file hands Next its own built-in in-memory handler, so nothing changes.
 *
 * Entries are served until `expire` (a shared store need not drop them at `revalidate` like the in-memory
 * built-in): past `revalidate` Next serves the entry and regenerates it in the background, which also keeps the
 * last good data while the CMS is down.
 */

const { createDefaultCacheHandler } = require('next/dist/server/lib/cache-handlers/default');
const { redisEnabled, processRuntime, createEntryStore, reportFailure } = require('./redis-client');

/** Next's default `cacheMaxMemorySize`. */
const MEMORY_BYTES = 50 * 1024 * 1024;
/** A local copy past `revalidate` asks Redis for a newer one (another replica may have made it) this often at most. */
const RECHECK_MS = 1000;

/** @typedef {import('next/cache').CacheHandler} CacheHandler */
/** @typedef {Omit<import('next/cache').CacheEntry, 'value'>} EntryMeta */
/** @typedef {{ meta: EntryMeta, value: Buffer }} Stored */

/**
 * @param {{ runtime: import('./redis-client').RedisRuntime, memoryBytes?: number, recheckMs?: number }} options
 * @returns {CacheHandler}
 */
function createRedisUseCacheHandler({ runtime, memoryBytes = MEMORY_BYTES, recheckMs = RECHECK_MS }) {
  const { tags, log } = runtime;
  const store = createEntryStore({
    runtime,
    kind: 'uc',
    what: "'use cache'",
    memoryBytes,
    recheckMs,
    madeAt: (/** @type {Stored} */ stored) => stored.meta.timestamp,
  });
  /** Sets under way in this process: a read of the same key waits for them, as the interface requires. */
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map();

  return {
    async get(cacheKey, softTags) {
      try {
        await pendingSets.get(cacheKey);
        const stored = await store.get(cacheKey, (entry) => entry.meta.revalidate);
        if (!stored) return undefined;
        // Soft tags (the route's implicit `_N_T_/…` tags) are also checked by Next through getExpiration.
        if ((await tags.latest([...stored.meta.tags, ...softTags])) > stored.meta.timestamp) {
          store.forget(cacheKey);
          return undefined;
        }
        const bytes = stored.value;
        const value = new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
            controller.close();
          },
        });
        return { ...stored.meta, value };
      } catch (error) {
        log(`'use cache' get failed, treated as a miss`, error);
        return undefined;
      }
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {};
      const pending = new Promise((resolve) => (done = () => resolve(undefined)));
      pendingSets.set(cacheKey, pending);
      const release = () => {
        done();
        if (pendingSets.get(cacheKey) === pending) pendingSets.delete(cacheKey);
      };
      try {
        const entry = await pendingEntry;
        // Like the built-in: an `expire: 0` entry is regenerated on every read, so storing it is wasted work.
        if (entry.expire === 0) return;
        // A stream that errors part way throws here: the partial value is dropped, never stored.
        const value = Buffer.from(await new Response(entry.value).arrayBuffer());
        const { value: _stream, ...meta } = entry;
        const stored = store.set(cacheKey, { meta, value }, meta.expire);
        // Readers in this process need not wait for Redis.
        release();
        await stored;
      } catch (error) {
        reportFailure(log, `'use cache' set failed, the entry stays in this process only`, error);
      } finally {
        release();
      }
    },

    // Tags are read from Redis at each check: nothing to bring up to date per request.
    async refreshTags() {},

    async getExpiration(tagList) {
      return tags.latest(tagList);
    },

    async updateTags(tagList) {
      await tags.expire(tagList);
    },
  };
}

const handler = redisEnabled()
  ? createRedisUseCacheHandler({ runtime: processRuntime() })
  : createDefaultCacheHandler(MEMORY_BYTES);

// `__esModule`: a bundler importing this takes `default` as the handler, as Node's require does.
module.exports = { __esModule: true, default: handler, createRedisUseCacheHandler };
