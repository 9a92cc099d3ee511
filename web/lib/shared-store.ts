import 'server-only'
import { createClient } from 'redis'
import { env } from '@/lib/env'

/**
 * Short-lived values every web replica must see (the no-JavaScript comment answer): Redis when `REDIS_URL` is
 * set, so a reader redirected to another replica still finds it; this process's memory otherwise (one process,
 * as `npm start` runs it).
 */
export interface SharedStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string, ttlSeconds: number): Promise<void>
  delete(key: string): Promise<void>
}

const MEMORY_MAX_ENTRIES = 1000

export function memoryStore(now: () => number = Date.now): SharedStore {
  const entries = new Map<string, { value: string; expiresAt: number }>()
  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return null
      if (entry.expiresAt <= now()) {
        entries.delete(key)
        return null
      }
      return entry.value
    },
    async set(key, value, ttlSeconds) {
      const t = now()
      for (const [k, e] of entries) if (e.expiresAt <= t) entries.delete(k)
      while (entries.size >= MEMORY_MAX_ENTRIES) {
        const oldest = entries.keys().next().value
        if (oldest === undefined) break
        entries.delete(oldest)
      }
      entries.set(key, { value, expiresAt: t + ttlSeconds * 1000 })
    },
    async delete(key) {
      entries.delete(key)
    },
  }
}

export function redisStore(url: string, prefix: string): SharedStore {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 2000) } })
  // A Redis outage must not crash the server: the caller sees a failed call and answers the reader.
  client.on('error', (error: unknown) => console.error('Shared store (Redis):', error instanceof Error ? error.message : error))
  let connecting: Promise<unknown> | null = null
  const ready = async () => {
    if (!client.isOpen) connecting ??= client.connect().finally(() => (connecting = null))
    if (connecting) await connecting
    return client
  }
  return {
    async get(key) {
      return (await ready()).get(prefix + key)
    },
    async set(key, value, ttlSeconds) {
      await (await ready()).set(prefix + key, value, { expiration: { type: 'EX', value: ttlSeconds } })
    },
    async delete(key) {
      await (await ready()).del(prefix + key)
    },
  }
}

let store: SharedStore | undefined

export function sharedStore(): SharedStore {
  if (store) return store
  const { REDIS_URL, REDIS_KEY_PREFIX } = env()
  store = REDIS_URL ? redisStore(REDIS_URL, `${REDIS_KEY_PREFIX}store:`) : memoryStore()
  return store
}
