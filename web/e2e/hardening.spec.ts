import { expect, test } from '@playwright/test';
import { REVIEW_PATH } from './support';

/** What an outside probe tried against the reader site, as readers reach it (the web, or the caching proxy). */
test('an oversized comment post is refused with 413 before it is read, and the page still serves', async ({
  request,
}) => {
  for (const size of [1_000_000, 2_000_000]) {
    const response = await request.post(REVIEW_PATH, {
      multipart: { comment: 'x'.repeat(size), name: 'Big', email: 'big@example.org' },
      headers: { 'Next-Action': 'probe' },
    });
    expect(response.status(), `${size} bytes`).toBe(413);
  }
  expect((await request.get(REVIEW_PATH)).status()).toBe(200);
});

test('malformed paths answer 404, never 500', async ({ request }) => {
  for (const path of ['/reviews/%ff%fe', '/genres/%ff', '/authors/%c0', '/reviews/%ff%fe/comments/2']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('odd addresses with non-ASCII escapes answer 404 the first time', async ({ request }) => {
  const slug = REVIEW_PATH.split('/')[2] ?? '';
  for (const path of [`/x/${slug}/%C3%A9`, `${REVIEW_PATH}/%C3%A9N`, '/sitemaps/reviews/%EF%BC%92.xml']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test('a page number past the last, or no page number at all, answers 404 the first time', async ({ request }) => {
  for (const path of [
    '/genres/drama/99',
    '/authors/jun-park/50',
    '/latest/99',
    '/latest/10000',
    '/latest/0',
    '/latest/abc',
    '/genres/drama/01',
    '/genres/drama/2/3',
    `${REVIEW_PATH}/comments/99`,
    '/genres/drama?page=99',
    '/?page=10000',
    '/?page=0',
    '/?page=abc',
    '/genres/drama?page=01',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const path of ['/', '/genres/drama', '/authors/jun-park'])
    expect((await request.get(path)).status(), path).toBe(200);
});

test("a page's old query-string address, and page 1 by its number, redirect to its one address", async ({
  request,
}) => {
  const moved: [string, string][] = [
    ['/?page=1', '/'],
    ['/?page=2', '/latest/2'],
    ['/genres/drama?page=2', '/genres/drama/2'],
    ['/authors/jun-park?page=1', '/authors/jun-park'],
    [`${REVIEW_PATH}?cpage=2`, `${REVIEW_PATH}/comments/2`],
    [`${REVIEW_PATH}/reply/c1?cpage=2`, `${REVIEW_PATH}/comments/2/reply/c1`],
    ['/latest/1', '/'],
    ['/faq/site', '/faq'],
    ['/genres/drama/1', '/genres/drama'],
    ['/authors/jun-park/1', '/authors/jun-park'],
    [`${REVIEW_PATH}/comments/1`, REVIEW_PATH],
    [`${REVIEW_PATH}/comments/1/reply/c1`, `${REVIEW_PATH}/reply/c1`],
  ];
  for (const [from, to] of moved) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect([301, 308], from).toContain(response.status());
    const location = new URL(response.headers().location ?? '', 'http://site');
    expect(`${location.pathname}${location.search}`, from).toBe(to);
  }
});

test("a comment's report and reply pages exist only for a comment shown on the review: 404 the first time otherwise", async ({
  request,
}) => {
  const html = await (await request.get(REVIEW_PATH)).text();
  const shown = new RegExp(`${REVIEW_PATH}/report/([a-z0-9]+)`).exec(html)?.[1] ?? '';
  expect(shown).not.toBe('');
  for (const path of [`${REVIEW_PATH}/report/${shown}`, `${REVIEW_PATH}/reply/${shown}`]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  const unknown = `nosuchcomment${Date.now()}`;
  for (const path of [
    `${REVIEW_PATH}/report/${unknown}`,
    `${REVIEW_PATH}/reply/${unknown}`,
    `${REVIEW_PATH}/comments/2/reply/${shown}`,
  ]) {
    for (let i = 0; i < 2; i++) expect((await request.get(path)).status(), `${path} (request ${i + 1})`).toBe(404);
  }
});

test('a server action posted from another origin answers 403', async ({ request }) => {
  const response = await request.post(REVIEW_PATH, {
    headers: { 'Next-Action': 'probe', Origin: 'https://evil.example' },
    form: { comment: 'x' },
  });
  expect(response.status()).toBe(403);
});

test('a NUL or other control character in a search is never echoed back', async ({ request }) => {
  const html = await (await request.get('/search?q=cell%00%07probe')).text();
  // eslint-disable-next-line no-control-regex -- the control characters are what must not come back
  expect(html).not.toMatch(/\u0000|\u0007/);
  expect(html).toContain('cell probe');
});

test('the comment form posts to the review itself, never to an empty action, and every comment is named by a heading', async ({
  page,
  request,
}) => {
  const html = await (await request.get(REVIEW_PATH)).text();
  const form = /<form[^>]*class="comment-form"[^>]*>/.exec(html)?.[0] ?? '';
  expect(form).toContain(`action="${REVIEW_PATH}"`);
  await page.goto(REVIEW_PATH);
  const comments = page.locator('#comments article');
  expect(await comments.count()).toBeGreaterThan(0);
  for (const article of await comments.all()) await expect(article.getByRole('heading')).toHaveCount(1);
});

test('an uploaded file keeps its own sandboxing policy, not the site-wide one', async ({ request }) => {
  const html = await (await request.get(REVIEW_PATH)).text();
  const upload = /src="(\/uploads\/[^"]+)"/.exec(html)?.[1];
  expect(upload).toBeTruthy();
  const response = await request.get(upload ?? '');
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain('sandbox');
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('script-src');
});
