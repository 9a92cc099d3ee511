// @ts-check
'use strict'

/**
 * What the two cache handlers share in one process: the Redis connection and the tag state.
 *
 * Infrastructure, not application code: Next loads these files by path (next.config.ts `cacheHandler`,
 * `cacheHandlers`) outside its bundles, before any app module, in `next start`, in the standalone server and in
 * the build's workers. So they read `process.env` themselves instead of going through lib/env.ts.
 *
 *   REDIS_URL         redis:// or rediss:// URL. Unset (as in `npm start` on a laptop): Next's built-in
 *                     in-memory and file-system caches, exactly as without these handlers.
 *   REDIS_KEY_PREFIX  namespace in a shared Redis (default `marquee:`).
 *
 * Keys: `<prefix><buildId>:uc:<key>` ('use cache' entries), `<prefix><buildId>:inc:<key>` (full-route cache),
 * both with a TTL; `<prefix>tags` (hash of tag invalidation times), `<prefix>tags:version` (a counter), and the
 * pub/sub channel `<prefix>tags`. Entries belong to one build (a new build never reads an old build's pages);
 * tag times are shared by every build, so a change notice during a rolling deploy reaches old and new replicas.
 * The tag hash has no TTL: with `maxmemory-policy volatile-lru` Redis evicts entries, never invalidations.
 */

const fs = require('node:fs')
const path = require('node:path')
const { createClient, RESP_TYPES, TimeoutError, ErrorReply } = require('redis')
const { createTagStore } = require('./tag-store')

const DEFAULT_PREFIX = 'marquee:'
/** A Redis that answers slower than this counts as down for this call: the request renders instead of waiting. */
const COMMAND_TIMEOUT_MS = 250
/** After a timeout, skip Redis this long instead of making every request wait for the timeout again. */
const BREAKER_MS = 1000
/** The first request after start waits this long at most for the first connection. */
const FIRST_CONNECT_WAIT_MS = 1000
/** Longest life of any entry in Redis. Dropping a rarely read entry earlier than its `expire` is allowed. */
const MAX_ENTRY_TTL_SECONDS = 365 * 24 * 60 * 60

/** Redis could not be reached (down, reconnecting, too slow): the caller treats it as a miss. */
class RedisUnavailableError extends Error {}

/**
 * The handlers use Redis only when it is configured, and never while `next build` prerenders.
 *
 * @param {Record<string, string | undefined>} [env]
 */
function redisEnabled(env = process.env) {
  return Boolean(env.REDIS_URL) && env.NEXT_PHASE !== 'phase-production-build'
}

/**
 * The build this process serves: `NEXT_DEPLOYMENT_ID` when set, else `.next/BUILD_ID` beside this folder (the
 * same relative place in the project and in `.next/standalone`).
 *
 * @param {Record<string, string | undefined>} [env]
 */
function currentBuildId(env = process.env) {
  if (env.NEXT_DEPLOYMENT_ID) return env.NEXT_DEPLOYMENT_ID
  try {
    return fs.readFileSync(path.join(__dirname, '..', '.next', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'no-build-id'
  }
}

/**
 * @param {string} message
 * @param {unknown} [error]
 */
function defaultLog(message, error) {
  console.warn(`[cache-handlers] ${message}${error instanceof Error ? `: ${error.message}` : ''}`)
}

/**
 * One client for commands and one for pub/sub. Commands fail fast while Redis is unreachable (no offline queue),
 * time out after `timeoutMs`, and the client reconnects in the background on its own.
 *
 * @param {{ url: string, timeoutMs?: number, log?: typeof defaultLog }} options
 */
function createConnection({ url, timeoutMs = COMMAND_TIMEOUT_MS, log = defaultLog }) {
  const socket = { connectTimeout: 2000, reconnectStrategy: (/** @type {number} */ retries) => Math.min(50 * 2 ** retries, 2000) }
  // node-redis's own 5 s command timeout stays: it clears commands a hung Redis never answers.
  const client = createClient({ url, disableOfflineQueue: true, commandsQueueMaxLength: 1000, socket })
  const bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
  /** @type {{ destroy(): void } | undefined} */
  let subscriber
  let started = false
  let closed = false
  let down = false
  let breakerUntil = 0
  let slowLoggedAt = 0
  /** @type {Promise<unknown> | undefined} */
  let firstReady
  /** @type {Array<() => void>} */
  const readyListeners = []

  client.on('error', (/** @type {unknown} */ error) => {
    // node-redis reports every failed reconnect; one line per outage is enough.
    if (!down && !closed) log(`Redis unreachable at ${redactUrl(url)}, serving from this process until it returns`, error)
    down = true
  })
  client.on('ready', () => {
    if (down) log(`Redis reachable again at ${redactUrl(url)}`)
    down = false
    breakerUntil = 0
    for (const listener of readyListeners) listener()
  })

  function start() {
    if (started || closed) return
    started = true
    firstReady = new Promise((resolve) => {
      client.once('ready', resolve)
      setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref()
    })
    // connect() stays pending while Redis is down; the client keeps retrying and emits 'ready' when it is back.
    client.connect().catch(() => {})
  }

  /**
   * Runs one Redis call, or rejects at once when Redis is known to be down. Connection trouble rejects with a
   * `RedisUnavailableError` (already reported here, once per outage); an error Redis answered passes through.
   *
   * @template T
   * @param {(c: typeof client, b: typeof bytes) => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async function run(fn) {
    start()
    if (!client.isReady) await firstReady
    if (closed || !client.isReady) throw new RedisUnavailableError('Redis is not connected')
    if (Date.now() < breakerUntil) throw new RedisUnavailableError('Redis timed out a moment ago')
    /** @type {NodeJS.Timeout | undefined} */
    let timer
    try {
      // The bound for the caller. When it fires, an answer may already wait unread behind a busy event loop:
      // setImmediate runs after this turn's I/O, so such an answer still wins and is not counted as a timeout.
      const late = new Promise((_resolve, reject) => {
        timer = setTimeout(() => setImmediate(() => reject(new TimeoutError())), timeoutMs)
      })
      return await Promise.race([fn(client, bytes), /** @type {Promise<never>} */ (late)])
    } catch (error) {
      if (error instanceof ErrorReply) throw error
      if (error instanceof TimeoutError) {
        const now = Date.now()
        if (now - slowLoggedAt > 60_000) log(`Redis answered slower than ${timeoutMs} ms: skipping it for ${BREAKER_MS} ms at a time`)
        slowLoggedAt = now
        breakerUntil = now + BREAKER_MS
      }
      throw new RedisUnavailableError('Redis call failed', { cause: error })
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * @param {string} channel
   * @param {(message: string) => void} onMessage
   * @param {() => void} onSubscribed called after every (re)connection of the subscriber: messages may have been missed
   */
  function subscribe(channel, onMessage, onSubscribed) {
    start()
    if (subscriber || closed) return
    const sub = client.duplicate()
    subscriber = sub
    sub.on('error', () => {})
    sub.on('ready', () => setImmediate(onSubscribed))
    sub.connect().then(
      () => sub.subscribe(channel, (message) => onMessage(message)),
      () => {},
    ).catch(() => {})
  }

  return {
    run,
    subscribe,
    /** @param {() => void} listener called each time the command client (re)connects */
    onReady(listener) {
      readyListeners.push(listener)
    },
    get isReady() {
      return client.isReady
    },
    /** Tests only: a server process keeps its connection for its whole life. */
    close() {
      closed = true
      client.destroy()
      subscriber?.destroy()
    },
  }
}

/** @param {string} url */
function redactUrl(url) {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'REDIS_URL'
  }
}

/**
 * Everything one process (one replica) needs: tests make two of these to play two replicas.
 *
 * @param {{ url: string, prefix?: string, buildId?: string, timeoutMs?: number, pollMs?: number, log?: typeof defaultLog }} options
 */
function createRedisRuntime({ url, prefix = DEFAULT_PREFIX, buildId = currentBuildId(), timeoutMs, pollMs, log = defaultLog }) {
  const connection = createConnection({ url, timeoutMs, log })
  const tags = createTagStore({ connection, prefix, pollMs, log })
  return {
    connection,
    tags,
    log,
    /** @param {'uc' | 'inc'} kind */
    entryPrefix(kind) {
      return `${prefix}${buildId}:${kind}:`
    },
    close() {
      connection.close()
    },
  }
}

/** @typedef {ReturnType<typeof createRedisRuntime>} RedisRuntime */

const PROCESS_RUNTIME = Symbol.for('marquee.cache-handlers.runtime')

/**
 * The runtime of this process, shared by both handler files however often Next imports them.
 *
 * @returns {RedisRuntime}
 */
function processRuntime() {
  const store = /** @type {Record<symbol, RedisRuntime | undefined>} */ (/** @type {unknown} */ (globalThis))
  let runtime = store[PROCESS_RUNTIME]
  if (!runtime) {
    runtime = createRedisRuntime({ url: String(process.env.REDIS_URL), prefix: process.env.REDIS_KEY_PREFIX || DEFAULT_PREFIX })
    store[PROCESS_RUNTIME] = runtime
  }
  return runtime
}

/**
 * Seconds for Redis's EX, from an entry's `expire` in seconds (`Infinity`, absent or huge: the cap).
 *
 * @param {number | undefined | false} expire
 */
function ttlSeconds(expire) {
  if (typeof expire !== 'number' || !Number.isFinite(expire) || expire <= 0) return MAX_ENTRY_TTL_SECONDS
  return Math.min(Math.ceil(expire), MAX_ENTRY_TTL_SECONDS)
}

/**
 * Logs a handler's failure unless it is Redis being unreachable, which the connection reports once per outage.
 *
 * @param {(message: string, error?: unknown) => void} log
 * @param {string} what
 * @param {unknown} error
 */
function reportFailure(log, what, error) {
  if (!(error instanceof RedisUnavailableError)) log(what, error)
}

module.exports = { redisEnabled, processRuntime, createRedisRuntime, ttlSeconds, currentBuildId, reportFailure, RedisUnavailableError, DEFAULT_PREFIX }
