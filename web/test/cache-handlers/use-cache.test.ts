/** @jest-environment node */
import { createRedisUseCacheHandler } from '@/cache-handlers/redis-use-cache';
import {
  BUILD_ID,
  bytesOf,
  closedPort,
  eventually,
  inspector,
  redisProxy,
  perTestRedis,
  useCacheEntry,
} from './support';

const scope = perTestRedis('uc');

/** Two replicas of the web app sharing one Redis. */
function twoProcesses(options: { recheckMs?: number } = {}) {
  const a = createRedisUseCacheHandler({ runtime: scope.make(), recheckMs: options.recheckMs });
  const b = createRedisUseCacheHandler({ runtime: scope.make(), recheckMs: options.recheckMs });
  return { a, b };
}

const text = (s: string) => new TextEncoder().encode(s);

describe("'use cache' handler on Redis", () => {
  test('stores a streamed entry that another process reads back byte for byte, with a TTL from expire', async () => {
    const { a, b } = twoProcesses();
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    const timestamp = Date.now() - 1000;
    await a.set(
      'reviews-list',
      Promise.resolve(
        useCacheEntry([text('hello '), text('world'), binary], { tags: ['reviews', 'films'], timestamp }),
      ),
    );

    const got = await b.get('reviews-list', []);
    expect(got).toMatchObject({ tags: ['reviews', 'films'], timestamp, stale: 60, revalidate: 300, expire: 3600 });
    expect(await bytesOf(got!.value)).toEqual(Buffer.concat([text('hello '), text('world'), binary]));
    // Every read gets a stream of its own.
    expect(await bytesOf((await b.get('reviews-list', []))!.value)).toHaveLength(11 + 256);

    const redis = await inspector();
    const ttl = await redis.ttl(`${scope.prefix}${BUILD_ID}:uc:reviews-list`);
    redis.destroy();
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  test('serves an entry this process set from memory, without reading it from Redis', async () => {
    const { a, b } = twoProcesses();
    await a.set('k', Promise.resolve(useCacheEntry([text('cached')])));
    const redis = await inspector();
    await redis.del(`${scope.prefix}${BUILD_ID}:uc:k`);
    redis.destroy();

    expect(await bytesOf((await a.get('k', []))!.value)).toEqual(Buffer.from('cached'));
    expect(await b.get('k', [])).toBeUndefined();
  });

  test('updateTags with expire 0 on one process makes the other miss after refreshTags, and getExpiration says when', async () => {
    const { a, b } = twoProcesses();
    const timestamp = Date.now() - 10;
    await a.set('review', Promise.resolve(useCacheEntry([text('v1')], { tags: ['review:abc'], timestamp })));
    await b.refreshTags();
    expect(await b.get('review', [])).toBeDefined();
    expect(await b.getExpiration(['review:abc'])).toBe(0);

    await a.updateTags(['review:abc'], { expire: 0 });
    await b.refreshTags();
    expect(await b.get('review', [])).toBeUndefined();
    expect(await b.getExpiration(['review:abc', 'other'])).toBeGreaterThan(timestamp);
    expect(await a.get('review', [])).toBeUndefined();
  });

  test('an invalidation on one process counts on the other at its very next read, without refreshTags', async () => {
    const { a, b } = twoProcesses();
    await a.set(
      'review',
      Promise.resolve(useCacheEntry([text('v1')], { tags: ['review:abc'], timestamp: Date.now() - 10 })),
    );
    expect(await b.get('review', [])).toBeDefined(); // now in b's memory

    await a.updateTags(['review:abc'], { expire: 0 });
    expect(await b.get('review', [])).toBeUndefined();
  });

  test('updateTags with a stale window (revalidateTag "max") expires at once too: the product never asks for one', async () => {
    const { a, b } = twoProcesses();
    await a.set('k', Promise.resolve(useCacheEntry([text('v1')], { tags: ['faqs'], timestamp: Date.now() - 10 })));

    await a.updateTags(['faqs'], { expire: 3600 });
    expect(await b.get('k', [])).toBeUndefined();
    expect(await b.getExpiration(['faqs'])).toBeGreaterThan(0);
  });

  test('updateTags without durations (updateTag) expires at once', async () => {
    const { a, b } = twoProcesses();
    await a.set('k', Promise.resolve(useCacheEntry([text('v1')], { tags: ['comments'], timestamp: Date.now() - 10 })));
    await a.updateTags(['comments']);
    await b.refreshTags();
    expect(await b.get('k', [])).toBeUndefined();
    // A new entry made after the invalidation is good.
    await a.set('k', Promise.resolve(useCacheEntry([text('v2')], { tags: ['comments'], timestamp: Date.now() + 5 })));
    expect(await bytesOf((await b.get('k', []))!.value)).toEqual(Buffer.from('v2'));
  });

  test('honours soft tags: an invalidated route tag drops the entry for that route only', async () => {
    const { a, b } = twoProcesses();
    await a.set('k', Promise.resolve(useCacheEntry([text('v1')], { timestamp: Date.now() - 10 })));
    await a.updateTags(['_N_T_/reviews/alien'], { expire: 0 });
    await b.refreshTags();

    expect(await b.get('k', ['_N_T_/layout', '_N_T_/reviews/alien'])).toBeUndefined();
    expect(await b.get('k', ['_N_T_/layout', '_N_T_/reviews/heat'])).toBeDefined();
    expect(await b.getExpiration(['_N_T_/layout', '_N_T_/reviews/alien'])).toBeGreaterThan(0);
    expect(await b.getExpiration(['_N_T_/layout', '_N_T_/reviews/heat'])).toBe(0);
  });

  test('does not store an entry with expire 0 (Next regenerates those on every read)', async () => {
    const { a, b } = twoProcesses();
    await a.set('dynamic', Promise.resolve(useCacheEntry([text('x')], { expire: 0, revalidate: 0 })));
    expect(await a.get('dynamic', [])).toBeUndefined();
    expect(await b.get('dynamic', [])).toBeUndefined();
  });

  test('drops a value whose stream fails part way', async () => {
    const { a, b } = twoProcesses();
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text('half'));
        controller.error(new Error('render failed'));
      },
    });
    await expect(a.set('k', Promise.resolve({ ...useCacheEntry([]), value: failing }))).resolves.toBeUndefined();
    expect(await a.get('k', [])).toBeUndefined();
    expect(await b.get('k', [])).toBeUndefined();
  });

  test('a local copy past revalidate is replaced by a newer one another process stored', async () => {
    const { a, b } = twoProcesses({ recheckMs: 0 });
    await a.set('k', Promise.resolve(useCacheEntry([text('old')], { timestamp: Date.now() - 10_000, revalidate: 1 })));
    await b.set('k', Promise.resolve(useCacheEntry([text('new')], { timestamp: Date.now(), revalidate: 1 })));
    expect(await bytesOf((await a.get('k', []))!.value)).toEqual(Buffer.from('new'));
  });
});

describe("'use cache' handler when Redis is unreachable", () => {
  test('reads miss and nothing throws; this process keeps its own entries and invalidations', async () => {
    const handler = createRedisUseCacheHandler({
      runtime: scope.make({ url: `redis://127.0.0.1:${await closedPort()}` }),
    });

    const start = Date.now();
    await expect(handler.get('k', [])).resolves.toBeUndefined();
    expect(Date.now() - start).toBeLessThan(2000); // waits for the first connection once, at most 1 s
    await expect(handler.refreshTags()).resolves.toBeUndefined();

    const again = Date.now();
    await expect(handler.get('other', [])).resolves.toBeUndefined();
    expect(Date.now() - again).toBeLessThan(50);

    await expect(
      handler.set(
        'k',
        Promise.resolve(useCacheEntry([text('local')], { tags: ['reviews'], timestamp: Date.now() - 10 })),
      ),
    ).resolves.toBeUndefined();
    expect(await bytesOf((await handler.get('k', []))!.value)).toEqual(Buffer.from('local'));

    await expect(handler.updateTags(['reviews'], { expire: 0 })).resolves.toBeUndefined();
    expect(await handler.get('k', [])).toBeUndefined();
    await expect(handler.getExpiration(['reviews'])).resolves.toBeGreaterThan(0);
  });

  test('recovers when Redis returns: entries and invalidations flow again', async () => {
    const proxy = await redisProxy();
    try {
      const a = createRedisUseCacheHandler({ runtime: scope.make({ url: proxy.url }) });
      const b = createRedisUseCacheHandler({ runtime: scope.make() });
      await a.set('k', Promise.resolve(useCacheEntry([text('v1')], { tags: ['reviews'], timestamp: Date.now() - 10 })));
      expect(await b.get('k', [])).toBeDefined();

      await proxy.down();
      await expect(a.updateTags(['reviews'], { expire: 0 })).resolves.toBeUndefined();
      expect(await a.get('k', [])).toBeUndefined();
      await expect(a.set('k2', Promise.resolve(useCacheEntry([text('during')])))).resolves.toBeUndefined();
      await b.refreshTags();
      expect(await b.get('k', [])).toBeDefined(); // the notice has not reached Redis yet

      await proxy.up();
      await eventually(
        'a invalidates for every process again',
        async () => {
          await a.updateTags(['reviews'], { expire: 0 });
          return (await b.get('k', [])) === undefined;
        },
        5000,
      );
      await eventually(
        'a writes to Redis again',
        async () => {
          await a.set('k3', Promise.resolve(useCacheEntry([text('after')])));
          return (await b.get('k3', [])) !== undefined;
        },
        5000,
      );
    } finally {
      await proxy.down();
    }
  });

  test('a Redis that restarts empty: no invalidated entry comes back, and new invalidations count', async () => {
    const { a, b } = twoProcesses();
    const timestamp = Date.now() - 10;
    await a.set('x', Promise.resolve(useCacheEntry([text('x')], { tags: ['x'], timestamp })));
    await a.set('y', Promise.resolve(useCacheEntry([text('y')], { tags: ['y'], timestamp })));
    await a.updateTags(['x'], { expire: 0 });
    expect(await b.get('x', [])).toBeUndefined();
    expect(await b.get('y', [])).toBeDefined();

    const redis = await inspector();
    const keys = await redis.keys(`${scope.prefix}*`);
    expect(keys.sort()).toEqual([
      `${scope.prefix}${BUILD_ID}:uc:x`,
      `${scope.prefix}${BUILD_ID}:uc:y`,
      `${scope.prefix}tags:expired`,
    ]);
    await redis.del(keys);
    redis.destroy();

    expect(await a.get('x', [])).toBeUndefined(); // a remembers its own invalidation
    expect(await b.get('x', [])).toBeUndefined();
    await a.updateTags(['y'], { expire: 0 });
    expect(await b.get('y', [])).toBeUndefined();
    expect(await b.getExpiration(['y'])).toBeGreaterThan(timestamp);
  });

  test('a Redis that stops answering costs one timeout, then misses at once until it answers again', async () => {
    const proxy = await redisProxy();
    try {
      const runtime = scope.make({ url: proxy.url, timeoutMs: 100 });
      const writer = createRedisUseCacheHandler({ runtime });
      await writer.set('k', Promise.resolve(useCacheEntry([text('v1')])));
      await writer.refreshTags();

      proxy.pause();
      const reader = createRedisUseCacheHandler({ runtime }); // empty memory: must ask Redis
      let start = Date.now();
      expect(await reader.get('k', [])).toBeUndefined();
      expect(Date.now() - start).toBeGreaterThanOrEqual(90);
      expect(Date.now() - start).toBeLessThan(1000);
      start = Date.now();
      expect(await reader.get('k', [])).toBeUndefined();
      expect(Date.now() - start).toBeLessThan(50);

      proxy.resume();
      await eventually('reads come from Redis again', async () => (await reader.get('k', [])) !== undefined, 3000);
    } finally {
      await proxy.down();
    }
  });
});
