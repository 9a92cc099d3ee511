import 'server-only';
import { processConnection } from '@/cache-handlers/redis-client';
import { env } from '@/lib/env';

/**
 * Short-lived values every web replica must see (the no-JavaScript comment answer): Redis when `REDIS_URL` is
 * set, so a reader redirected to another replica still finds it; this process's memory otherwise (one process,
 * as `npm start` runs it).
 */
export interface SharedStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

const MEMORY_MAX_ENTRIES = 1000;

export function memoryStore(now: () => number = Date.now): SharedStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.value;
    },
    async set(key, value, ttlSeconds) {
      const t = now();
      for (const [k, e] of entries) if (e.expiresAt <= t) entries.delete(k);
      while (entries.size >= MEMORY_MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      entries.set(key, { value, expiresAt: t + ttlSeconds * 1000 });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}

/** On the cache handlers' connection (one per process); a Redis outage rejects, and the caller answers the reader. */
export function redisStore(prefix: string): SharedStore {
  const redis = processConnection();
  return {
    async get(key) {
      return redis.run((client) => client.get(prefix + key));
    },
    async set(key, value, ttlSeconds) {
      await redis.run((client) => client.set(prefix + key, value, { expiration: { type: 'EX', value: ttlSeconds } }));
    },
    async delete(key) {
      await redis.run((client) => client.del(prefix + key));
    },
  };
}

let store: SharedStore | undefined;

export function sharedStore(): SharedStore {
  if (store) return store;
  const { REDIS_URL, REDIS_KEY_PREFIX } = env();
  store = REDIS_URL ? redisStore(`${REDIS_KEY_PREFIX}store:`) : memoryStore();
  return store;
}
