// Types of redis-incremental.js for its TypeScript callers (the tests); see redis-client.d.ts.
import type { CacheHandler, CacheHandlerContext } from 'next/dist/server/lib/incremental-cache';
import type { RedisRuntime } from './redis-client';

export type IncrementalCacheHandlerClass = new (ctx: CacheHandlerContext) => CacheHandler;
export declare function createRedisIncrementalCache(options: {
  runtime: RedisRuntime;
  memoryBytes?: number;
  recheckMs?: number;
}): IncrementalCacheHandlerClass;
/** What Next loads: the Redis handler when REDIS_URL is set, else Next's file-system cache. */
declare const Handler: IncrementalCacheHandlerClass;
export { Handler as default };
