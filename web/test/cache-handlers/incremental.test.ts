/** @jest-environment node */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { types } from 'node:util';
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import type { CacheHandlerContext } from 'next/dist/server/lib/incremental-cache';
import { createRedisIncrementalCache } from '@/cache-handlers/redis-incremental';
import {
  APP_ROUTE_KIND,
  BUILD_ID,
  appPage,
  closedPort,
  eventually,
  fetchContext,
  fetchValue,
  inspector,
  pageContext,
  redisProxy,
  sleep,
  perTestRedis,
} from './support';

const scope = perTestRedis('inc');

/** What Next hands the constructor: it builds a new instance for every request. */
const requestContext: CacheHandlerContext = { revalidatedTags: [], _requestHeaders: {} };
const cacheControl = { revalidate: 300, expire: 30 * 24 * 60 * 60 };
const KEY = '/route-cache/APP_PAGE/0f3c/$/reviews/alien';
const PAGE_TAGS = ['reviews', 'review-slug:alien', '_N_T_/layout', '_N_T_/reviews/[slug]/page', '_N_T_/reviews/alien'];

/** Two replicas sharing one Redis; `a()`/`b()` make a handler the way Next does, per request. */
function twoProcesses() {
  const A = createRedisIncrementalCache({ runtime: scope.make() });
  const B = createRedisIncrementalCache({ runtime: scope.make() });
  return { a: () => new A(requestContext), b: () => new B(requestContext) };
}

describe('full-route cache handler on Redis', () => {
  test('a page one process rendered is read back whole by another: HTML, RSC Buffer, segment Map, cache control', async () => {
    const { a, b } = twoProcesses();
    const value = appPage(PAGE_TAGS);
    const before = Date.now();
    await a().set(KEY, value, { cacheControl, isRoutePPREnabled: true, isFallback: false });

    const got = await b().get(KEY, pageContext);
    expect(got?.value).toEqual(value);
    expect(got?.cacheControl).toEqual(cacheControl);
    expect(got?.lastModified).toBeGreaterThanOrEqual(before);
    const page = got?.value;
    if (page?.kind !== 'APP_PAGE') throw new Error('expected an APP_PAGE value');
    expect(Buffer.isBuffer(page.rscData)).toBe(true);
    // v8.deserialize makes the Map in Node's own realm, not in the test's sandbox: ask what it is, not whose.
    expect(types.isMap(page.segmentData)).toBe(true);
    expect(page.segmentData?.get('/_full')).toEqual(Buffer.from([0, 1, 2, 254, 255]));

    const redis = await inspector();
    const ttl = await redis.ttl(`${scope.prefix}${BUILD_ID}:inc:${KEY}`);
    redis.destroy();
    expect(ttl).toBeGreaterThan(cacheControl.expire - 10);
    expect(ttl).toBeLessThanOrEqual(cacheControl.expire);
  });

  test('revalidateTag on one process: the other stops serving its copy at once (a miss, Next renders anew)', async () => {
    const { a, b } = twoProcesses();
    await a().set(KEY, appPage(PAGE_TAGS), { cacheControl });
    expect(await b().get(KEY, pageContext)).not.toBeNull(); // now in b's memory

    await a().revalidateTag(['review-slug:alien'], { expire: 0 });
    expect(await b().get(KEY, pageContext)).toBeNull();
    expect(await a().get(KEY, pageContext)).toBeNull();

    // The page rendered after the notice is served again, on both.
    await sleep(2);
    await b().set(KEY, appPage(PAGE_TAGS), { cacheControl });
    expect(await a().get(KEY, pageContext)).not.toBeNull();
  });

  test('a page whose render began before a change and was stored after its notice is not served: Next renders it again', async () => {
    const { a, b } = twoProcesses();
    expect(await a().get(KEY, pageContext)).toBeNull(); // a miss: the render begins, reading the CMS as it was
    await sleep(2);
    await b().revalidateTag(['review-slug:alien'], { expire: 0 }); // the change's notice, while it renders
    await sleep(2);
    await a().set(KEY, appPage(PAGE_TAGS), { cacheControl }); // the render is stored after the notice
    expect(await b().get(KEY, pageContext)).toBeNull();
    expect(await a().get(KEY, pageContext)).toBeNull();

    // Rendered again after the notice, it is served.
    await sleep(2);
    await a().set(KEY, appPage(PAGE_TAGS), { cacheControl });
    expect(await b().get(KEY, pageContext)).not.toBeNull();
  });

  test('a soft tag (revalidatePath) expires the pages of that path only', async () => {
    const { a, b } = twoProcesses();
    const other = '/route-cache/APP_PAGE/0f3c/$/reviews/heat';
    await a().set(KEY, appPage(PAGE_TAGS), { cacheControl });
    await a().set(other, appPage(['reviews', '_N_T_/layout', '_N_T_/reviews/heat']), { cacheControl });

    await sleep(2);
    await a().revalidateTag('_N_T_/reviews/alien', { expire: 0 });
    await eventually('b misses the revalidated path', async () => (await b().get(KEY, pageContext)) === null);
    expect(await b().get(other, pageContext)).not.toBeNull();
  });

  test('revalidateTag with a stale window ("max") expires the page at once too: the product never asks for one', async () => {
    const { a, b } = twoProcesses();
    await a().set(KEY, appPage(PAGE_TAGS), { cacheControl });
    await sleep(2);
    await a().revalidateTag('reviews', { expire: 3600 });
    expect(await b().get(KEY, pageContext)).toBeNull();
  });

  test('fetch entries keep the tags they were stored with and honour the tags of the read', async () => {
    const { a, b } = twoProcesses();
    await a().set('fetch-key', fetchValue(), { fetchCache: true, tags: ['reviews'] });
    expect((await b().get('fetch-key', fetchContext([])))?.value).toMatchObject({ kind: 'FETCH', tags: ['reviews'] });

    await sleep(2);
    await a().revalidateTag('reviews');
    await eventually('b misses', async () => (await b().get('fetch-key', fetchContext([]))) === null);
  });

  test('falls back to what Next has on disk (the build output) when Redis has no entry, tags still apply', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'marquee-inc-'));
    try {
      const key = '/route-cache/APP_ROUTE/9a1b/$/feed.xml';
      const builtAt = new FileSystemCache({ ...requestContext, fs: nodeFs, serverDistDir: dir, flushToDisk: true });
      const body = Buffer.from('<rss/>');
      await builtAt.set(
        key,
        { kind: APP_ROUTE_KIND, body, status: 200, headers: { 'x-next-cache-tags': 'reviews,_N_T_/feed.xml' } },
        { cacheControl },
      );

      const Handler = createRedisIncrementalCache({ runtime: scope.make() });
      const handler = new Handler({ ...requestContext, fs: nodeFs, serverDistDir: dir });
      const got = await handler.get(key, { kind: APP_ROUTE_KIND, isFallback: false });
      expect(got?.value).toMatchObject({ kind: 'APP_ROUTE', body, status: 200 });

      await sleep(2);
      await handler.revalidateTag('reviews', { expire: 0 });
      expect(await handler.get(key, { kind: APP_ROUTE_KIND, isFallback: false })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('full-route cache handler when Redis is unreachable', () => {
  test('get is a miss, set and revalidateTag resolve, and this process keeps its own pages', async () => {
    const Handler = createRedisIncrementalCache({
      runtime: scope.make({ url: `redis://127.0.0.1:${await closedPort()}` }),
    });
    const handler = () => new Handler(requestContext);

    await expect(handler().get(KEY, pageContext)).resolves.toBeNull();
    await expect(handler().set(KEY, appPage(PAGE_TAGS), { cacheControl })).resolves.toBeUndefined();
    expect(await handler().get(KEY, pageContext)).not.toBeNull();
    await sleep(2);
    await expect(handler().revalidateTag('reviews', { expire: 0 })).resolves.toBeUndefined();
    expect(await handler().get(KEY, pageContext)).toBeNull();
  });

  test('recovers when Redis returns: entries and invalidations flow again', async () => {
    const proxy = await redisProxy();
    try {
      const A = createRedisIncrementalCache({ runtime: scope.make({ url: proxy.url }) });
      const B = createRedisIncrementalCache({ runtime: scope.make() });
      await new A(requestContext).set(KEY, appPage(PAGE_TAGS), { cacheControl });
      expect(await new B(requestContext).get(KEY, pageContext)).not.toBeNull();

      await proxy.down();
      await new A(requestContext).revalidateTag('reviews', { expire: 0 });
      expect(await new A(requestContext).get(KEY, pageContext)).toBeNull();

      await proxy.up();
      await eventually(
        'a invalidates for every process again',
        async () => {
          await new A(requestContext).revalidateTag('reviews', { expire: 0 });
          return (await new B(requestContext).get(KEY, pageContext)) === null;
        },
        5000,
      );
      await eventually(
        'a writes to Redis again',
        async () => {
          await new A(requestContext).set('/route-cache/APP_PAGE/0f3c/$/later', appPage(['reviews']), { cacheControl });
          return (await new B(requestContext).get('/route-cache/APP_PAGE/0f3c/$/later', pageContext)) !== null;
        },
        5000,
      );
    } finally {
      await proxy.down();
    }
  });
});
