// @ts-check
'use strict'

/**
 * `cacheHandlers.default`: the 'use cache' entries (the CMS fetchers in lib/cms tag them with cacheTag), shared
 * by every replica through Redis, with an in-process LRU in front so that a hot entry costs no round trip.
 * Without REDIS_URL this file hands Next its own built-in in-memory handler, so nothing changes.
 * Layout, environment and tag propagation: redis-client.js and tag-store.js.
 *
 * Entries are served until `expire` (a shared store need not drop them at `revalidate` like the in-memory
 * built-in): past `revalidate` Next serves the entry and regenerates it in the background, which also keeps the
 * last good data while the CMS is down.
 */

const { createDefaultCacheHandler } = require('next/dist/server/lib/cache-handlers/default')
const { redisEnabled, processRuntime, ttlSeconds, reportFailure } = require('./redis-client')
const { encode, decode } = require('./codec')
const { ByteLru } = require('./lru')

/** Next's default `cacheMaxMemorySize`. */
const MEMORY_BYTES = 50 * 1024 * 1024
/** A local copy past `revalidate` asks Redis for a newer one (another replica may have made it) this often at most. */
const RECHECK_MS = 1000

/** @typedef {import('next/cache').CacheHandler} CacheHandler */
/** @typedef {import('next/cache').CacheEntry} CacheEntry */
/** @typedef {Omit<CacheEntry, 'value'>} EntryMeta */
/** @typedef {{ meta: EntryMeta, value: Buffer, checkedAt: number }} Stored */

/** @param {Buffer} bytes */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      controller.close()
    },
  })
}

/**
 * @param {{ runtime: import('./redis-client').RedisRuntime, memoryBytes?: number, recheckMs?: number }} options
 * @returns {CacheHandler}
 */
function createRedisUseCacheHandler({ runtime, memoryBytes = MEMORY_BYTES, recheckMs = RECHECK_MS }) {
  const { connection, tags, log } = runtime
  const keyPrefix = runtime.entryPrefix('uc')
  /** @type {ByteLru<Stored>} */
  const memory = new ByteLru(memoryBytes)
  /** Sets under way in this process: a read of the same key waits for them, as the interface requires. */
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map()

  /**
   * @param {string} key
   * @returns {Promise<Stored | undefined>}
   */
  async function load(key) {
    try {
      const bytes = await connection.run((_client, binary) => binary.get(key))
      if (!bytes) return undefined
      const { meta, value } = /** @type {{ meta: EntryMeta, value: Buffer }} */ (decode(bytes))
      return { meta, value, checkedAt: Date.now() }
    } catch (error) {
      reportFailure(log, `'use cache' read of ${key} failed`, error)
      return undefined
    }
  }

  /** @param {Stored} stored */
  const tagExpired = (stored) => tags.isExpired(stored.meta.tags, stored.meta.timestamp)

  return {
    async get(cacheKey, softTags) {
      try {
        const pending = pendingSets.get(cacheKey)
        if (pending) await pending
        await tags.current()
        const key = keyPrefix + cacheKey
        const now = Date.now()
        let stored = memory.get(key)
        if (stored && tagExpired(stored)) {
          memory.delete(key)
          stored = undefined
        }
        const pastRevalidate = stored && now > stored.meta.timestamp + stored.meta.revalidate * 1000
        if (!stored || (pastRevalidate && now - stored.checkedAt >= recheckMs)) {
          const remote = await load(key)
          if (remote && !tagExpired(remote) && (!stored || remote.meta.timestamp > stored.meta.timestamp)) {
            stored = remote
            memory.set(key, remote, remote.value.byteLength + key.length)
          } else if (stored) {
            stored.checkedAt = now
          }
        }
        if (!stored || tagExpired(stored)) return undefined
        const { meta, value } = stored
        // Soft tags (the route's implicit `_N_T_/…` tags) are also checked by Next through getExpiration.
        if (tags.isExpired(softTags, meta.timestamp)) return undefined
        const stale = tags.isStale(meta.tags, meta.timestamp) || tags.isStale(softTags, meta.timestamp)
        return { ...meta, revalidate: stale ? -1 : meta.revalidate, value: streamOf(value) }
      } catch (error) {
        log(`'use cache' get failed, treated as a miss`, error)
        return undefined
      }
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {}
      const pending = new Promise((resolve) => (done = () => resolve(undefined)))
      pendingSets.set(cacheKey, pending)
      const release = () => {
        done()
        if (pendingSets.get(cacheKey) === pending) pendingSets.delete(cacheKey)
      }
      try {
        const entry = await pendingEntry
        // Like the built-in: an `expire: 0` entry is regenerated on every read, so storing it is wasted work.
        if (entry.expire === 0) return
        // A stream that errors part way throws here: the partial value is dropped, never stored.
        const value = Buffer.from(await new Response(entry.value).arrayBuffer())
        const { value: _stream, ...meta } = entry
        const key = keyPrefix + cacheKey
        memory.set(key, { meta, value, checkedAt: Date.now() }, value.byteLength + key.length)
        // Readers in this process need not wait for Redis.
        release()
        await connection.run((client) =>
          client.set(key, encode({ meta, value }), { expiration: { type: 'EX', value: ttlSeconds(meta.expire) } }),
        )
      } catch (error) {
        reportFailure(log, `'use cache' set failed, the entry stays in this process only`, error)
      } finally {
        release()
      }
    },

    async refreshTags() {
      await tags.refresh()
    },

    async getExpiration(tagList) {
      await tags.current()
      return tags.expiration(tagList)
    },

    async updateTags(tagList, durations) {
      await tags.update(tagList, durations)
    },
  }
}

const handler = redisEnabled() ? createRedisUseCacheHandler({ runtime: processRuntime() }) : createDefaultCacheHandler(MEMORY_BYTES)

// `__esModule`: a bundler importing this takes `default` as the handler, as Node's require does.
module.exports = { __esModule: true, default: handler, createRedisUseCacheHandler }
