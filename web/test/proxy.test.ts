/** @jest-environment node */
import { NextRequest } from 'next/server';
import { resetEnvForTests } from '@/lib/env';
import { proxy } from '@/proxy';
import { jsonResponse, mockFetch } from './support/fixtures';

const SITE = 'http://marquee.example';
const SLUG = 'miracle-in-cell-no-7-review';

const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`${SITE}${path}`, { headers }));
const post = (path: string, headers: Record<string, string>) =>
  proxy(
    new NextRequest(`${SITE}${path}`, {
      method: 'POST',
      headers: { host: 'marquee.example', 'content-length': '100', 'next-action': 'abc', ...headers },
      body: 'x'.repeat(100),
    }),
  );

/** Where the response sends the request: a rewrite's target path, 'next' to go on, or its own status. */
const outcome = (response: Response) => {
  const rewrite = response.headers.get('x-middleware-rewrite');
  if (rewrite) return `${response.status} → ${new URL(rewrite).pathname}${new URL(rewrite).search}`;
  if (response.headers.get('x-middleware-next')) return 'next';
  return String(response.status);
};

/** The CMS's redirects: these old paths lead somewhere; any other is no redirect. */
const REDIRECTS: Record<string, unknown> = {
  '/reviews/old-slug': { status: 301, location: `/reviews/${SLUG}` },
  '/reviews/old-slug/comments/2': { status: 301, location: `/reviews/${SLUG}/comments/2` },
  '/reviews/deleted-one': { status: 410 },
  '/2019/05/old-post': { status: 302, location: '/reviews/somewhere' },
  '/?p=101': { status: 301, location: `/reviews/${SLUG}` },
};

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test';
  process.env.CMS_ADMIN_URL = 'https://admin.marquee.example';
  resetEnvForTests();
  mockFetch((url) => {
    const found = REDIRECTS[url.searchParams.get('path') ?? ''];
    return found
      ? jsonResponse({ data: found })
      : jsonResponse({ error: { status: 404, message: 'No redirect for that path' } }, 404);
  });
});

describe('proxy.ts', () => {
  it.each([
    ['/reviews/old-slug', 301, `/reviews/${SLUG}`],
    ['/reviews/old-slug/comments/2', 301, `/reviews/${SLUG}/comments/2`],
    ['/2019/05/old-post', 302, '/reviews/somewhere'],
    ['/?p=101', 301, `/reviews/${SLUG}`],
  ])('sends %s, an old path, to where it leads now', async (path, status, location) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe(location);
    expect(response.headers.get('cache-control')).toContain('s-maxage=');
  });

  it.each([
    ['/?page=2', '/latest/2'],
    ['/?page=1', '/'],
    ['/genres/drama?page=3', '/genres/drama/3'],
    ['/authors/jun-park?page=2&utm_source=feed', '/authors/jun-park/2?utm_source=feed'],
    [`/reviews/${SLUG}?cpage=2`, `/reviews/${SLUG}/comments/2`],
    [`/reviews/${SLUG}?cpage=1`, `/reviews/${SLUG}`],
    [`/reviews/${SLUG}/reply/c1?cpage=2`, `/reviews/${SLUG}/comments/2/reply/c1`],
    [`/reviews/old-slug?cpage=2`, '/reviews/old-slug/comments/2'],
  ])('sends %s, a page by its old query string, to its path %s', async (path, location) => {
    const response = await get(path, { cookie: 'mq_pending=x' });
    expect(response.status).toBe(301);
    const to = new URL(response.headers.get('location') ?? '');
    expect(`${to.pathname}${to.search}`).toBe(location);
    expect(response.headers.get('cache-control')).toContain('s-maxage=');
  });

  it.each(['/?page=0', '/?page=01', '/?page=10000', '/?page=abc', '/genres/drama?page=', '/authors/jun-park?page=2.5'])(
    'answers %s, a page number that names no page, with the not-found page',
    async (path) => {
      expect(outcome(await get(path))).toBe('404 → /__not_found');
    },
  );

  it('leaves a comment page number that names no page to the review, and the search its own page numbers', async () => {
    expect(outcome(await get(`/reviews/${SLUG}?cpage=abc`))).toBe('next');
    expect(outcome(await get('/search?q=heat&page=2'))).toMatch(/^200 → \/search\/[A-Za-z0-9_-]+\/2$/);
  });

  it("answers a deleted review's old path with 410 and a page that says it was removed", async () => {
    const response = await get('/reviews/deleted-one');
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('This review has been removed');
  });

  it('lets every other page through untouched', async () => {
    expect(outcome(await get(`/reviews/${SLUG}`))).toBe('next');
    expect(outcome(await get('/2019/05/never-was'))).toBe('next');
  });

  it("lets the admin panel, and only it, frame an editor's preview", async () => {
    const response = await get(`/reviews/${SLUG}`, { cookie: '__prerender_bypass=x' });
    expect(outcome(response)).toBe(`200 → /reviews/${SLUG}/personal`);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://admin.marquee.example');
    expect(
      (await get(`/reviews/${SLUG}`, { cookie: 'mq_pending=x' })).headers.get('content-security-policy'),
    ).toBeNull();
  });

  it('renders a review and its numbered comment pages for a reader with a cookie of their own', async () => {
    expect(outcome(await get(`/reviews/${SLUG}`, { cookie: 'mq_pending=x' }))).toBe(`200 → /reviews/${SLUG}/personal`);
    expect(outcome(await get(`/reviews/${SLUG}/comments/2`, { cookie: 'mq_pending=x' }))).toBe(
      `200 → /reviews/${SLUG}/personal?cpage=2`,
    );
    expect(outcome(await get(`/reviews/${SLUG}/comments/2/reply/c1`, { cookie: 'mq_flash=x' }))).toBe(
      `200 → /reviews/${SLUG}/personal?cpage=2&replyTo=c1`,
    );
  });

  it.each([
    `/x/${SLUG}/%C3%A9`,
    `/reviews/${SLUG}/%C3%A9N`,
    `/reviews/${SLUG}/comments/%C3%A9`,
    '/sitemaps/reviews/%EF%BC%92.xml',
    `/reviews/${SLUG}/report/%C3%A9`,
  ])('never turns %s (a path with a non-ASCII escape) into a review page', async (path) => {
    expect(outcome(await get(path))).toBe('next');
  });

  it.each([`/reviews/${SLUG}/personal`, `/reviews/${SLUG}/personal/`])(
    'answers %s, asked for directly, with the not-found page',
    async (path) => {
      expect(outcome(await get(path))).toBe('404 → /__not_found');
    },
  );

  it('renders the personal page for its own rewrite, and takes a post sent from it (a form without JavaScript)', async () => {
    const rewritten = await get(`/reviews/${SLUG}`, { cookie: 'mq_pending=x' });
    const token = rewritten.headers.get('x-middleware-request-x-marquee-personal') ?? '';
    expect(token).not.toBe('');
    expect(outcome(await get(`/reviews/${SLUG}/personal`, { 'x-marquee-personal': token }))).toBe('next');
    expect(outcome(await get(`/reviews/${SLUG}/personal`, { 'x-marquee-personal': 'guessed' }))).toBe(
      '404 → /__not_found',
    );
    expect(outcome(await post(`/reviews/${SLUG}/personal`, { origin: 'http://marquee.example' }))).toBe('next');
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    [
      'a forged forwarded host that is not the Origin',
      { origin: 'https://evil.example', 'x-forwarded-host': 'marquee.example' },
    ],
    ['an opaque origin', { origin: 'null' }],
  ])('refuses a server action posted from %s with 403', async (_from, headers: Record<string, string>) => {
    expect(outcome(await post(`/reviews/${SLUG}`, headers))).toBe('403');
  });

  it('lets a server action from the site itself through', async () => {
    expect(outcome(await post(`/reviews/${SLUG}`, { origin: 'http://marquee.example' }))).toBe('next');
    expect(
      outcome(
        await post(`/reviews/${SLUG}/report/c1`, {
          origin: 'https://marquee.example:8080',
          'x-forwarded-host': 'marquee.example:8080',
        }),
      ),
    ).toBe('next');
  });
});
