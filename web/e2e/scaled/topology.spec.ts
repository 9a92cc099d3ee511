import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, beginWriting, CMS_URL, fillComment, newReader, REVIEW_PATH, unique } from '../support';

/**
 * The production topology as readers reach it (npm test -- e2e:scaled): the caching proxy in front of two web
 * replicas that share Next's caches through Redis. E2E_BASE_URL is the proxy; E2E_WEB_URLS and E2E_WEB_PIDS (their
 * process groups) name the replicas behind it.
 */
const WEB_URLS = (process.env.E2E_WEB_URLS ?? '').split(',').filter(Boolean);
const WEB_PIDS = (process.env.E2E_WEB_PIDS ?? '').split(',').filter(Boolean).map(Number);

const adminHeaders = async (request: APIRequestContext) => ({ Authorization: `Bearer ${await adminToken(request)}` });

const COMMENTS = `${CMS_URL}/content-manager/collection-types/api::comment.comment`;

test('the topology has two replicas behind the proxy', () => {
  expect(WEB_URLS).toHaveLength(2);
  expect(WEB_PIDS).toHaveLength(2);
});

test('the proxy serves a page from its cache, also to a request with a made-up per-reader cookie', async ({
  request,
}) => {
  await request.get(REVIEW_PATH);
  const hit = await request.get(REVIEW_PATH);
  expect(hit.headers()['x-cache-status']).toMatch(/HIT|STALE|UPDATING/);
  for (const cookie of ['mq_pending=someone-else', 'mq_flash=x; __prerender_bypass=y', 'mq_draft=1']) {
    const madeUp = await request.get(REVIEW_PATH, { headers: { Cookie: cookie } });
    expect(madeUp.headers()['x-cache-status']).toMatch(/HIT|STALE|UPDATING/);
    expect(madeUp.headers()['cache-control']).toMatch(/s-maxage/);
  }
});

test('a comment approved by a moderator shows through the proxy and on both replicas within 2 s', async ({
  browser,
  request,
}) => {
  const body = unique('Approved once, seen everywhere');
  const author = await newReader(browser);
  await author.page.goto(REVIEW_PATH);
  await beginWriting(author.page);
  await fillComment(
    author.page,
    { body, name: 'Everywhere Reader', email: `everywhere-${Date.now()}@example.org` },
    { stamped: true },
  );
  await author.page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(author.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
  // The reader's own signed cookie takes them past the proxy's cache, to a page nobody else gets.
  const own = await author.context.request.get(REVIEW_PATH);
  expect(own.headers()['x-cache-status']).toBe('BYPASS');
  expect(own.headers()['cache-control']).toMatch(/private/);
  expect(await own.text()).toContain(body);
  const shared = await request.get(REVIEW_PATH);
  expect(shared.headers()['cache-control']).toMatch(/s-maxage/);

  const headers = await adminHeaders(request);
  const found = await request.get(`${COMMENTS}?_q=${encodeURIComponent(body)}`, { headers });
  const [comment] = ((await found.json()) as { results: { documentId: string }[] }).results;
  expect(comment).toBeDefined();
  // Every replica has this page cached before the change.
  for (const url of [...WEB_URLS, ''])
    expect(await (await request.get(`${url}${REVIEW_PATH}`)).text()).not.toContain(body);

  const saved = await request.put(`${COMMENTS}/${comment?.documentId}`, {
    headers,
    data: { moderationStatus: 'approved' },
  });
  expect(saved.ok()).toBe(true);
  const approvedAt = Date.now();
  await expect
    .poll(
      async () => {
        const pages = await Promise.all(
          [...WEB_URLS, ''].map(async (url) => (await request.get(`${url}${REVIEW_PATH}`)).text()),
        );
        return pages.every((html) => html.includes(body));
      },
      { timeout: 2000, intervals: [100] },
    )
    .toBe(true);
  console.log(`approved comment visible through the proxy and on both replicas after ${Date.now() - approvedAt} ms`);
  await author.context.close();
});

test('an address the client writes in X-Forwarded-For does not get round the flood limit', async ({ browser }) => {
  const first = await newReader(browser);
  // The same reader behind the proxy, pretending to be somebody else the second time.
  const second = await newReader(browser, {
    headers: { 'x-marquee-test-reader': first.address, 'x-forwarded-for': '203.0.113.77, 198.51.100.4' },
  });
  for (const { page } of [first, second]) {
    await page.goto(REVIEW_PATH);
    await beginWriting(page, { seconds: 0 });
  }
  await first.page.waitForTimeout(3200);
  await fillComment(
    first.page,
    { body: unique('First of two'), name: 'Rotating Reader', email: `rotate-a-${Date.now()}@example.org` },
    { stamped: true },
  );
  await first.page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(first.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
  await fillComment(
    second.page,
    {
      body: unique('Second of two, from a made-up address'),
      name: 'Rotating Reader',
      email: `rotate-b-${Date.now()}@example.org`,
    },
    { stamped: true },
  );
  await second.page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(
    second.page.getByRole('alert').filter({ hasText: 'You are posting comments too quickly' }),
  ).toBeVisible();
  await Promise.all([first.context.close(), second.context.close()]);
});

test('with every replica hung, the proxy still serves the last good page', async ({ request }) => {
  const good = await request.get(REVIEW_PATH);
  expect(good.status()).toBe(200);
  const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(await good.text())?.[1];
  expect(title).toBeTruthy();
  for (const pid of WEB_PIDS) process.kill(-pid, 'SIGSTOP'); // the replica's whole process group
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past the proxy's freshness
    const started = Date.now();
    const stale = await request.get(REVIEW_PATH, { timeout: 20_000 });
    console.log(
      `with the web hung, the proxy answered in ${Date.now() - started} ms (${stale.headers()['x-cache-status']})`,
    );
    expect(stale.status()).toBe(200);
    expect(await stale.text()).toContain(title ?? '');
  } finally {
    for (const pid of WEB_PIDS) process.kill(-pid, 'SIGCONT');
  }
});
