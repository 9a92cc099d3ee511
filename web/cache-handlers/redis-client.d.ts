// Types of redis-client.js for its TypeScript callers (lib/shared-store.ts, the tests). The JavaScript itself is
// checked against its JSDoc (`// @ts-check`); keep the two in step when an export changes.
import type { RedisClientType } from 'redis';

export interface RedisConnection {
  /** Runs one call; rejects with `RedisUnavailableError` while Redis is down or too slow. */
  run<T>(fn: (client: RedisClientType) => Promise<T>): Promise<T>;
  readonly isReady: boolean;
  close(): void;
}

export interface RedisRuntime {
  readonly connection: RedisConnection;
  entryPrefix(kind: 'uc' | 'inc'): string;
  close(): void;
}

export interface RedisRuntimeOptions {
  url?: string;
  prefix?: string;
  buildId?: string;
  timeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export declare class RedisUnavailableError extends Error {}
export declare function createRedisRuntime(options: RedisRuntimeOptions): RedisRuntime;
export declare function processConnection(): RedisConnection;
export declare function redisEnabled(env?: Record<string, string | undefined>): boolean;
export declare function currentBuildId(env?: Record<string, string | undefined>): string;
export declare function ttlSeconds(expire: number | undefined | false): number;
export declare const DEFAULT_PREFIX: string;
