// @ts-check
'use strict';

/**
 * The process's one Redis connection, shared by the two cache handlers and lib/shared-store.ts, and the tag
 * invalidation times every replica reads.
 *
 * Infrastructure, not application code: Next loads the handler files by path (next.config.ts `cacheHandler`,
 * `cacheHandlers`) outside its bundles, before any app module, so they read `process.env` themselves.
 *
 *   REDIS_URL         redis:// or rediss:// URL. Unset (as in `npm start` on a laptop): Next's built-in
 *                     in-memory and file-system caches, exactly as without these handlers.
 *   REDIS_KEY_PREFIX  namespace in a shared Redis (default `marquee:`).
 *
 * Keys: `<prefix><buildId>:uc:<key>` ('use cache' entries) and `<prefix><buildId>:inc:<key>` (full-route cache),
 * both with a TTL, so a new build never reads an old build's pages; `<prefix>tags:expired`, a hash of tag →
 * invalidated-at (epoch ms) without a TTL, shared by every build, so a change notice during a rolling deploy
 * reaches old and new replicas. With `maxmemory-policy volatile-lru` Redis evicts entries, never invalidations.
 */

const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { LRUCache } = require('lru-cache');
const { createClient, RESP_TYPES, TimeoutError, ErrorReply } = require('redis');

const DEFAULT_PREFIX = 'marquee:';
/** A Redis that answers slower than this counts as down for this call: the request renders instead of waiting. */
const COMMAND_TIMEOUT_MS = 250;
/** After a timeout, skip Redis this long instead of making every request wait for the timeout again. */
const BREAKER_MS = 1000;
/** The first call after start waits this long at most for the first connection. */
const FIRST_CONNECT_WAIT_MS = 1000;
/** Longest life of any entry in Redis. Dropping a rarely read entry earlier than its `expire` is allowed. */
const MAX_ENTRY_TTL_SECONDS = 365 * 24 * 60 * 60;

/** Redis could not be reached (down, reconnecting, too slow): the caller treats it as a miss. */
class RedisUnavailableError extends Error {}

/** The handlers use Redis only when it is configured, and never while `next build` prerenders. @param {Record<string, string | undefined>} [env] */
function redisEnabled(env = process.env) {
  return Boolean(env.REDIS_URL) && env.NEXT_PHASE !== 'phase-production-build';
}

/** The build this process serves: `NEXT_DEPLOYMENT_ID`, else `.next/BUILD_ID` (the same place in `.next/standalone`). */
function currentBuildId() {
  if (process.env.NEXT_DEPLOYMENT_ID) return process.env.NEXT_DEPLOYMENT_ID;
  try {
    return fs.readFileSync(path.join(__dirname, '..', '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'no-build-id';
  }
}

/** @param {string} message @param {unknown} [error] */
function defaultLog(message, error) {
  console.warn(`[redis] ${message}${error instanceof Error ? `: ${error.message}` : ''}`);
}

/**
 * Commands fail fast while Redis is unreachable (no offline queue), time out after `timeoutMs`, and the client
 * reconnects in the background on its own.
 *
 * @param {{ url: string, timeoutMs?: number, log?: typeof defaultLog }} options
 */
function createConnection({ url, timeoutMs = COMMAND_TIMEOUT_MS, log = defaultLog }) {
  const socket = {
    connectTimeout: 2000,
    reconnectStrategy: (/** @type {number} */ retries) => Math.min(50 * 2 ** retries, 2000),
  };
  // node-redis's own 5 s command timeout stays: it clears commands a hung Redis never answers.
  const client = createClient({ url, disableOfflineQueue: true, commandsQueueMaxLength: 1000, socket });
  const bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const where = URL.canParse(url) ? new URL(url).host : 'REDIS_URL';
  let closed = false;
  let down = false;
  let breakerUntil = 0;
  let slowLoggedAt = 0;
  /** @type {Promise<unknown> | undefined} */
  let firstReady;

  client.on('error', (/** @type {unknown} */ error) => {
    // node-redis reports every failed reconnect; one line per outage is enough.
    if (!down && !closed) log(`unreachable at ${where}, caches miss until it returns`, error);
    down = true;
  });
  client.on('ready', () => {
    if (down) log(`reachable again at ${where}`);
    down = false;
    breakerUntil = 0;
  });

  /**
   * Runs one Redis call, or rejects at once when Redis is known to be down. Connection trouble rejects with a
   * `RedisUnavailableError` (already reported here, once per outage); an error Redis answered passes through.
   *
   * @template T
   * @param {(c: typeof client, b: typeof bytes) => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async function run(fn) {
    if (!firstReady && !closed) {
      firstReady = new Promise((resolve) => {
        client.once('ready', resolve);
        setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref();
      });
      // connect() stays pending while Redis is down; the client keeps retrying and emits 'ready' when it is back.
      client.connect().catch(() => {});
    }
    if (!client.isReady) await firstReady;
    if (closed || !client.isReady) throw new RedisUnavailableError('Redis is not connected');
    if (Date.now() < breakerUntil) throw new RedisUnavailableError('Redis timed out a moment ago');
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      // setImmediate: an answer already waiting behind a busy event loop still wins over the timer.
      const late = new Promise((_resolve, reject) => {
        timer = setTimeout(() => setImmediate(() => reject(new TimeoutError())), timeoutMs);
      });
      return await Promise.race([fn(client, bytes), /** @type {Promise<never>} */ (late)]);
    } catch (error) {
      if (error instanceof ErrorReply) throw error;
      if (error instanceof TimeoutError) {
        const now = Date.now();
        if (now - slowLoggedAt > 60_000)
          log(`answered slower than ${timeoutMs} ms: skipping it for ${BREAKER_MS} ms at a time`);
        slowLoggedAt = now;
        breakerUntil = now + BREAKER_MS;
      }
      throw new RedisUnavailableError('Redis call failed', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    run,
    get isReady() {
      return client.isReady;
    },
    /** Tests only: a server process keeps its connection for its whole life. */
    close() {
      closed = true;
      client.destroy();
    },
  };
}

/** @typedef {ReturnType<typeof createConnection>} RedisConnection */

/**
 * When each tag was last invalidated. Read from Redis on every check (one HMGET), so an invalidation on any
 * replica counts at once; this process's own invalidations also count while Redis is unreachable.
 * @param {{ connection: RedisConnection, prefix: string, log: typeof defaultLog }} options
 */
function createTagTimes({ connection, prefix, log }) {
  const key = `${prefix}tags:expired`;
  /** @type {Map<string, number>} */
  const own = new Map();

  /** The latest invalidation among `tags` that has already come, or 0. @param {readonly string[]} tags @returns {Promise<number>} */
  async function latest(tags) {
    if (tags.length === 0) return 0;
    /** @type {Array<string | null>} */
    let shared = [];
    try {
      shared = await connection.run((c) => c.hmGet(key, [...tags]));
    } catch (error) {
      reportFailure(log, 'tag read failed, only this process knows its invalidations', error);
    }
    const now = Date.now();
    let result = 0;
    tags.forEach((tag, i) => {
      for (const time of [own.get(tag), Number(shared[i] ?? 0)])
        if (time !== undefined && time <= now && time > result) result = time;
    });
    return result;
  }

  return {
    latest,

    /**
     * Expires `tags` now, for every replica. The product invalidates with `revalidateTag(tag, { expire: 0 })`
     * and `updateTag`, never with a stale window, so every invalidation is an expiry. Never rejects.
     * @param {readonly string[]} tags
     */
    async expire(tags) {
      const now = Date.now();
      for (const tag of tags) own.set(tag, now);
      if (tags.length === 0) return;
      try {
        await connection.run((c) => c.hSet(key, Object.fromEntries(tags.map((tag) => [tag, String(now)]))));
      } catch (error) {
        log(`invalidation of ${tags.length} tag(s) applies to this process only: Redis is unreachable`, error);
      }
    },
  };
}

/** @typedef {{ url?: string, connection?: RedisConnection, prefix?: string, buildId?: string, timeoutMs?: number, log?: typeof defaultLog }} RedisRuntimeOptions */

/** Everything one process (one replica) needs: tests make two of these to play two replicas. @param {RedisRuntimeOptions} options */
function createRedisRuntime({
  url = '',
  connection,
  prefix = DEFAULT_PREFIX,
  buildId = currentBuildId(),
  timeoutMs,
  log = defaultLog,
}) {
  const conn = connection ?? createConnection({ url, timeoutMs, log });
  return {
    connection: conn,
    tags: createTagTimes({ connection: conn, prefix, log }),
    log,
    /** @param {'uc' | 'inc'} kind */
    entryPrefix: (kind) => `${prefix}${buildId}:${kind}:`,
    close: () => conn.close(),
  };
}

/** @typedef {ReturnType<typeof createRedisRuntime>} RedisRuntime */

const PROCESS_CONNECTION = Symbol.for('marquee.redis.connection');
const PROCESS_RUNTIME = Symbol.for('marquee.cache-handlers.runtime');

/** One per process, however often Next or the app's bundle loads this file. @template T @param {symbol} name @param {() => T} make @returns {T} */
function processSingleton(name, make) {
  if (!Reflect.has(globalThis, name)) Reflect.set(globalThis, name, make());
  return Reflect.get(globalThis, name);
}

/** The process's connection to `REDIS_URL`, shared by the handlers and lib/shared-store.ts. */
const processConnection = () =>
  processSingleton(PROCESS_CONNECTION, () => createConnection({ url: String(process.env.REDIS_URL) }));

/** The handlers' runtime in this process, shared by both handler files. */
const processRuntime = () =>
  processSingleton(PROCESS_RUNTIME, () =>
    createRedisRuntime({ connection: processConnection(), prefix: process.env.REDIS_KEY_PREFIX || DEFAULT_PREFIX }),
  );

/** Seconds for Redis's EX, from an entry's `expire` in seconds (`Infinity`, absent or huge: the cap). @param {number | undefined | false} expire */
function ttlSeconds(expire) {
  if (typeof expire !== 'number' || !Number.isFinite(expire) || expire <= 0) return MAX_ENTRY_TTL_SECONDS;
  return Math.min(Math.ceil(expire), MAX_ENTRY_TTL_SECONDS);
}

/**
 * The entries of one handler, shared by every replica: in Redis as Node's structured serialization (Buffers survive
 * it) for their `expire` (capped), with an in-process LRU in front so that a hot entry costs no transfer. A local copy
 * past its revalidate time asks Redis for a newer one (another replica may have made it) at most every `recheckMs`.
 * A read that fails is a miss, logged unless Redis is down.
 *
 * @template V
 * @param {{ runtime: RedisRuntime, kind: 'uc' | 'inc', what: string, memoryBytes: number, recheckMs: number, madeAt: (value: V) => number }} options
 */
function createEntryStore({ runtime, kind, what, memoryBytes, recheckMs, madeAt }) {
  const prefix = runtime.entryPrefix(kind);
  /** @type {LRUCache<string, { value: V, size: number, checkedAt: number }>} */
  const memory = new LRUCache({ maxSize: memoryBytes, sizeCalculation: (stored) => stored.size });

  /** @param {string} key */
  async function read(key) {
    try {
      const bytes = await runtime.connection.run((_client, binary) => binary.get(key));
      return bytes
        ? { value: v8.deserialize(bytes), size: bytes.byteLength + key.length, checkedAt: Date.now() }
        : undefined;
    } catch (error) {
      reportFailure(runtime.log, `${what} read of ${key} failed`, error);
      return undefined;
    }
  }

  return {
    /** @param {string} cacheKey @param {(value: V) => number | undefined} revalidateOf seconds, or undefined: only a tag makes it old @returns {Promise<V | undefined>} */
    async get(cacheKey, revalidateOf) {
      const key = prefix + cacheKey;
      const now = Date.now();
      let stored = memory.get(key);
      const revalidate = stored && revalidateOf(stored.value);
      const old = stored && revalidate !== undefined && now > madeAt(stored.value) + revalidate * 1000;
      if (!stored || (old && now - stored.checkedAt >= recheckMs)) {
        const remote = await read(key);
        if (remote && (!stored || madeAt(remote.value) > madeAt(stored.value))) {
          stored = remote;
          memory.set(key, remote);
        } else if (stored) {
          stored.checkedAt = now;
        }
      }
      return stored?.value;
    },
    /** In memory when it returns, in Redis when its promise resolves. @param {string} cacheKey @param {V} value @param {number | undefined | false} expire */
    set(cacheKey, value, expire) {
      const key = prefix + cacheKey;
      const bytes = v8.serialize(value);
      memory.set(key, { value, size: bytes.byteLength + key.length, checkedAt: Date.now() });
      return runtime.connection.run((client) =>
        client.set(key, bytes, { expiration: { type: 'EX', value: ttlSeconds(expire) } }),
      );
    },
    /** @param {string} cacheKey */
    forget(cacheKey) {
      memory.delete(prefix + cacheKey);
    },
  };
}

/** Logs a failure unless it is Redis being unreachable, which the connection reports once per outage. @param {typeof defaultLog} log @param {string} what @param {unknown} error */
function reportFailure(log, what, error) {
  if (!(error instanceof RedisUnavailableError)) log(what, error);
}

module.exports = {
  redisEnabled,
  processConnection,
  processRuntime,
  createRedisRuntime,
  createEntryStore,
  ttlSeconds,
  reportFailure,
};
