import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { CacheEntry } from 'next/cache';
import type {
  CachedFetchValue,
  CachedRouteKind,
  GetIncrementalFetchCacheContext,
  GetIncrementalResponseCacheHandlerContext,
  IncrementalCacheKind,
  IncrementalCachedAppPageValue,
} from 'next/dist/server/response-cache/types';
import { createRedisRuntime, type RedisRuntime, type RedisRuntimeOptions } from '@/cache-handlers/redis-client';

/** The Redis the test machine runs on its default port (CI included); TEST_REDIS_URL names another. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const BUILD_ID = 'jest-build';

/** One namespace per test file run, deleted afterwards, so runs never see each other's keys. */
export function testNamespace(): { prefix: (label: string) => string; cleanup: () => Promise<void> } {
  const root = `marquee-test:${process.pid}-${randomUUID().slice(0, 8)}:`;
  return {
    prefix: (label) => `${root}${label}:`,
    async cleanup() {
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${root}*`, COUNT: 500 })) keys.push(...batch);
      if (keys.length > 0) await client.del(keys);
      client.destroy();
    },
  };
}

/** A raw client for looking at what the handlers wrote. */
export async function inspector() {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  return client;
}

/** Runtimes stand for processes: each has its own connection, tag state and memory. */
export function runtimes(): {
  make: (options: Partial<RedisRuntimeOptions> & { prefix: string }) => RedisRuntime;
  closeAll: () => void;
} {
  const made: RedisRuntime[] = [];
  return {
    make(options) {
      const runtime = createRedisRuntime({ url: REDIS_URL, buildId: BUILD_ID, log: () => {}, ...options });
      made.push(runtime);
      return runtime;
    },
    closeAll() {
      for (const runtime of made.splice(0)) runtime.close();
    },
  };
}

/**
 * For a test file: each test gets a key prefix of its own (`prefix`) and closes the runtimes it made (`make`, on that
 * prefix unless told otherwise); the file's keys are deleted after its last test.
 */
export function perTestRedis(label: string): {
  readonly prefix: string;
  make: (options?: Partial<RedisRuntimeOptions>) => RedisRuntime;
} {
  const namespace = testNamespace();
  const made = runtimes();
  let index = 0;
  let prefix = '';
  beforeEach(() => {
    prefix = namespace.prefix(`${label}${index++}`);
  });
  afterEach(() => made.closeAll());
  afterAll(() => namespace.cleanup());
  return {
    get prefix() {
      return prefix;
    },
    make: (options = {}) => made.make({ prefix, ...options }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or `ms` pass; returns how long it took, or throws with `what`. */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 2000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await sleep(10);
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A TCP proxy in front of Redis that a test can take down (connections dropped, port closed), bring back on the
 * same port, or pause (bytes held back, as from a Redis that stopped answering).
 */
export async function redisProxy(target = new URL(REDIS_URL)) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  let paused = false;
  const held: Array<() => void> = [];

  const relay = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (paused) held.push(() => to.write(chunk));
      else to.write(chunk);
    });

  async function up(): Promise<void> {
    const next = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => {
          sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      relay(client, upstream);
      relay(upstream, client);
    });
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    const address = next.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    port = address.port;
    server = next;
  }

  await up();
  return {
    get url() {
      return `redis://127.0.0.1:${port}`;
    },
    up,
    async down(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server?.close(resolve));
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      for (const send of held.splice(0)) send();
    },
  };
}

// Next declares its cache kinds as const enums, which code compiled one file at a time can name only as types.
export const APP_PAGE_KIND = 'APP_PAGE' as IncrementalCacheKind.APP_PAGE & CachedRouteKind.APP_PAGE;
export const APP_ROUTE_KIND = 'APP_ROUTE' as IncrementalCacheKind.APP_ROUTE & CachedRouteKind.APP_ROUTE;
export const FETCH_KIND = 'FETCH' as IncrementalCacheKind.FETCH & CachedRouteKind.FETCH;

export function appPage(tags: string[]): IncrementalCachedAppPageValue {
  return {
    kind: APP_PAGE_KIND,
    html: '<!DOCTYPE html><html><body><h1>Latest reviews</h1></body></html>',
    rscData: Buffer.from('0:{"P":null,"b":"build"}\n'),
    headers: { 'x-next-cache-tags': tags.join(','), vary: 'rsc, next-router-state-tree' },
    postponed: undefined,
    status: 200,
    segmentData: new Map([
      ['/_tree', Buffer.from('tree')],
      ['/_full', Buffer.from([0, 1, 2, 254, 255])],
    ]),
  };
}

export const pageContext: GetIncrementalResponseCacheHandlerContext = {
  kind: APP_PAGE_KIND,
  isRoutePPREnabled: true,
  isFallback: false,
};

export function fetchValue(): CachedFetchValue {
  return {
    kind: FETCH_KIND,
    data: { headers: {}, body: '{"data":[]}', url: 'http://cms/api/reviews', status: 200 },
    revalidate: 60,
  };
}

export function fetchContext(tags: string[]): GetIncrementalFetchCacheContext {
  return { kind: FETCH_KIND, revalidate: 60, tags, softTags: ['_N_T_/layout'] };
}

/** A 'use cache' entry whose value arrives in several chunks, like a render's. */
export function useCacheEntry(chunks: Uint8Array[], meta: Partial<Omit<CacheEntry, 'value'>> = {}): CacheEntry {
  return {
    value: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
    tags: [],
    stale: 60,
    timestamp: Date.now(),
    revalidate: 300,
    expire: 3600,
    ...meta,
  };
}

export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}
