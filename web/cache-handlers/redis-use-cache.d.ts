// Types of redis-use-cache.js for its TypeScript callers (the tests); see redis-client.d.ts.
import type { CacheHandler } from 'next/cache';
import type { RedisRuntime } from './redis-client';

export declare function createRedisUseCacheHandler(options: {
  runtime: RedisRuntime;
  memoryBytes?: number;
  recheckMs?: number;
}): CacheHandler;
/** What Next loads: the Redis handler when REDIS_URL is set, else Next's built-in in-memory handler. */
declare const handler: CacheHandler;
export { handler as default };
