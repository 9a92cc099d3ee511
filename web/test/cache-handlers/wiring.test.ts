/** @jest-environment node */
import { redisEnabled, ttlSeconds } from '@/cache-handlers/redis-client';
import { REDIS_URL, bytesOf, inspector, testNamespace, useCacheEntry } from './support';

type UseCacheModule = typeof import('@/cache-handlers/redis-use-cache');
type IncrementalModule = typeof import('@/cache-handlers/redis-incremental');
type FileSystemCacheModule = typeof import('next/dist/server/lib/incremental-cache/file-system-cache');
type ClientModule = typeof import('@/cache-handlers/redis-client');
type Loaded = {
  useCache: UseCacheModule;
  incremental: IncrementalModule;
  fileSystemCache: FileSystemCacheModule;
  client: ClientModule;
};

const namespace = testNamespace();
const RUNTIME = Symbol.for('marquee.cache-handlers.runtime');
const CONNECTION = Symbol.for('marquee.redis.connection');
const saved = { ...process.env };

/** Loads the handler files as Next does at server start, with the environment the server would have. */
function loadHandlers(env: Record<string, string | undefined>): Loaded {
  process.env = { ...saved, ...env };
  let modules: Loaded | undefined;
  jest.isolateModules(() => {
    modules = {
      useCache: require('@/cache-handlers/redis-use-cache'),
      incremental: require('@/cache-handlers/redis-incremental'),
      fileSystemCache: require('next/dist/server/lib/incremental-cache/file-system-cache'),
      client: require('@/cache-handlers/redis-client'),
    };
  });
  if (!modules) throw new Error('handlers not loaded');
  return modules;
}

function closeProcessConnection(): void {
  const connection: unknown = Reflect.get(globalThis, CONNECTION);
  if (connection && typeof connection === 'object' && 'close' in connection && typeof connection.close === 'function')
    connection.close();
  Reflect.deleteProperty(globalThis, CONNECTION);
  Reflect.deleteProperty(globalThis, RUNTIME);
}

afterEach(() => {
  process.env = { ...saved };
  closeProcessConnection();
});
afterAll(() => namespace.cleanup());

describe('which caches Next gets', () => {
  test("without REDIS_URL: Next's own file-system cache and in-memory 'use cache' handler, and no Redis client", async () => {
    const { useCache, incremental, fileSystemCache } = loadHandlers({ REDIS_URL: undefined });
    expect(incremental.default).toBe(fileSystemCache.default);
    expect(Reflect.get(globalThis, RUNTIME)).toBeUndefined();
    expect(Reflect.get(globalThis, CONNECTION)).toBeUndefined();

    const handler = useCache.default;
    await handler.set('k', Promise.resolve(useCacheEntry([new TextEncoder().encode('in memory')])));
    expect(await bytesOf((await handler.get('k', []))!.value)).toEqual(Buffer.from('in memory'));
  });

  test('with REDIS_URL: both handlers write to Redis under the prefix and the build id', async () => {
    const prefix = namespace.prefix('wiring');
    const { useCache, incremental, fileSystemCache } = loadHandlers({
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      NEXT_DEPLOYMENT_ID: 'deploy-42',
    });
    expect(incremental.default).not.toBe(fileSystemCache.default);

    await useCache.default.set('k', Promise.resolve(useCacheEntry([new TextEncoder().encode('shared')])));
    const redis = await inspector();
    const keys = await redis.keys(`${prefix}*`);
    redis.destroy();
    expect(keys).toEqual([`${prefix}deploy-42:uc:k`]);
  });

  test('the handlers and the shared store use one Redis connection per process, however often the files load', () => {
    const first = loadHandlers({ REDIS_URL, REDIS_KEY_PREFIX: namespace.prefix('one-connection') });
    const again = loadHandlers({ REDIS_URL, REDIS_KEY_PREFIX: namespace.prefix('one-connection') });
    const connection = first.client.processConnection();
    expect(again.client.processConnection()).toBe(connection);
    expect(Reflect.get(globalThis, RUNTIME)).toMatchObject({ connection });
  });

  test('Redis is never used while next build prerenders, nor without a URL', () => {
    expect(redisEnabled({ REDIS_URL, NEXT_PHASE: 'phase-production-build' })).toBe(false);
    expect(redisEnabled({ REDIS_URL, NEXT_PHASE: 'phase-production-server' })).toBe(true);
    expect(redisEnabled({ REDIS_URL: '' })).toBe(false);
    expect(redisEnabled({})).toBe(false);
  });

  test('entry TTLs follow expire, capped at a year; "never" and 0 get the cap', () => {
    expect(ttlSeconds(300.2)).toBe(301);
    expect(ttlSeconds(30 * 24 * 3600)).toBe(30 * 24 * 3600);
    expect(ttlSeconds(Infinity)).toBe(365 * 24 * 3600);
    expect(ttlSeconds(0xfffffffe)).toBe(365 * 24 * 3600);
    expect(ttlSeconds(undefined)).toBe(365 * 24 * 3600);
  });
});
