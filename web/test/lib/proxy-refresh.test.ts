/** @jest-environment node */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetEnvForTests } from '@/lib/env';
import { pathsForEvent, refreshProxy } from '@/lib/proxy-refresh';

const event = { event: 'publish' as const, documentId: 'd1', sentAt: '2026-11-25T00:00:00.000Z' };

it('names the pages a reader is likeliest to open after each kind of change', () => {
  expect(pathsForEvent({ ...event, model: 'review', slug: 'heat-review', review: null })).toEqual([
    '/reviews/heat-review',
    '/',
  ]);
  expect(
    pathsForEvent({ ...event, model: 'comment', slug: null, review: { documentId: 'r1', slug: 'heat-review' } }),
  ).toEqual(['/reviews/heat-review']);
  expect(pathsForEvent({ ...event, model: 'faq', slug: null, review: null })).toEqual(['/faq']);
  expect(pathsForEvent({ ...event, model: 'genre', slug: 'drama', review: null })).toEqual([]);
});

describe('refreshProxy', () => {
  const seen: { path: string; host: string | undefined; encoding: string | undefined; secret: string | undefined }[] =
    [];
  const server = http.createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      host: req.headers.host,
      encoding: req.headers['accept-encoding'],
      secret: req.headers['x-marquee-refresh'] as string | undefined,
    });
    res.end('ok');
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    process.env.SITE_URL = 'https://marquee.example';
    process.env.PROXY_REFRESH_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.PROXY_REFRESH_SECRET = 'refresh-secret-refresh-secret';
    resetEnvForTests();
  });
  afterEach(() => {
    delete process.env.PROXY_REFRESH_URL;
    delete process.env.PROXY_REFRESH_SECRET;
    resetEnvForTests();
  });

  it("asks the proxy for each page as browsers get it (gzip), as the site's host, with the secret", async () => {
    await refreshProxy(['/reviews/heat-review', '/']);
    expect(seen).toHaveLength(2);
    expect(new Set(seen.map((s) => `${s.path} ${s.encoding}`))).toEqual(
      new Set(['/reviews/heat-review gzip', '/ gzip']),
    );
    expect(seen.every((s) => s.host === 'marquee.example' && s.secret === 'refresh-secret-refresh-secret')).toBe(true);
  });

  it('does nothing without a proxy to refresh, and never throws when it cannot reach one', async () => {
    delete process.env.PROXY_REFRESH_URL;
    resetEnvForTests();
    await refreshProxy(['/']);
    expect(seen).toHaveLength(0);
    process.env.PROXY_REFRESH_URL = 'http://127.0.0.1:9';
    resetEnvForTests();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(refreshProxy(['/'])).resolves.toBeUndefined();
  });
});
