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
  /** In order: `ask <path>` when a request arrives, `answer <path>` when its answer is sent. */
  const timeline: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      host: req.headers.host,
      encoding: req.headers['accept-encoding'],
      secret: req.headers['x-marquee-refresh'] as string | undefined,
    });
    timeline.push(`ask ${req.url}`);
    // A slow page, as one still rendering: the second request for it must wait for this answer.
    setTimeout(
      () => {
        timeline.push(`answer ${req.url}`);
        res.end('ok');
      },
      req.url === '/slow' ? 150 : 0,
    );
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    timeline.length = 0;
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
    expect(seen.map((s) => `${s.path} ${s.encoding}`).sort()).toEqual([
      '/ gzip',
      '/ gzip',
      '/reviews/heat-review gzip',
      '/reviews/heat-review gzip',
    ]);
    expect(seen.every((s) => s.host === 'marquee.example' && s.secret === 'refresh-secret-refresh-secret')).toBe(true);
  });

  it('asks for each page a second time once its first answer has arrived, not before', async () => {
    await refreshProxy(['/slow', '/']);
    const slow = timeline.filter((step) => step.endsWith(' /slow'));
    expect(slow).toEqual(['ask /slow', 'answer /slow', 'ask /slow', 'answer /slow']);
    // The pages do not wait for each other: the home page is asked for twice while the slow one is still answering.
    expect(timeline.slice(0, timeline.indexOf('answer /slow'))).toEqual(
      expect.arrayContaining(['ask /', 'answer /', 'ask /', 'answer /']),
    );
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
