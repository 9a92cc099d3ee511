// Types of redis-client.js for its TypeScript callers (the tests). The JavaScript itself is checked against its
// JSDoc (`// @ts-check`); keep the two in step when an export changes.

export interface RedisRuntime {
  readonly connection: { readonly isReady: boolean }
  entryPrefix(kind: 'uc' | 'inc'): string
  close(): void
}

export interface RedisRuntimeOptions {
  url: string
  prefix?: string
  buildId?: string
  timeoutMs?: number
  pollMs?: number
  log?: (message: string, error?: unknown) => void
}

export declare function createRedisRuntime(options: RedisRuntimeOptions): RedisRuntime
export declare function redisEnabled(env?: Record<string, string | undefined>): boolean
export declare function currentBuildId(env?: Record<string, string | undefined>): string
export declare function ttlSeconds(expire: number | undefined | false): number
export declare const DEFAULT_PREFIX: string
