import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, beginWriting, CMS_URL, fillComment, newReader, REVIEW_PATH, SCALED, unique } from './support';

/**
 * Pages are the same bytes for every anonymous reader and say so to shared caches; what is one reader's own
 * (their pending comment, the answer to a post, the form's time stamp) never rides in them. Runs against whatever
 * readers reach: the web directly, or the caching proxy in the scaled topology (E2E_TOPOLOGY=scaled).
 */
const PUBLIC_PAGES = [
  '/',
  REVIEW_PATH,
  '/genres/drama',
  '/authors/jun-park',
  '/faq',
  '/search?q=cell',
  '/feed.xml',
  '/sitemap.xml',
  '/sitemaps/pages.xml',
  '/sitemaps/reviews/1.xml',
];

/** How the CMS filed a comment, as a moderator sees it. */
const statusOf = async (request: APIRequestContext, body: string) => {
  const token = await adminToken(request);
  const response = await request.get(
    `${CMS_URL}/content-manager/collection-types/api::comment.comment?_q=${encodeURIComponent(body)}`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  expect(response.ok()).toBe(true);
  const { results } = (await response.json()) as { results: { moderationStatus: string }[] };
  expect(results).toHaveLength(1);
  return results[0]?.moderationStatus;
};

test.describe('shared caching', () => {
  test('every public page says a shared cache may keep it, and two readers get the same bytes', async ({ browser }) => {
    const [first, second] = await Promise.all([newReader(browser), newReader(browser)]);
    for (const path of PUBLIC_PAGES) {
      await first.page.request.get(path);
      const [a, b] = await Promise.all([first.page.request.get(path), second.page.request.get(path)]);
      expect(a.status(), path).toBe(200);
      const cacheControl = a.headers()['cache-control'] ?? '';
      expect(cacheControl, path).toMatch(/s-maxage=\d+/);
      expect(cacheControl, path).toMatch(/stale-while-revalidate=\d+/);
      expect(cacheControl, path).not.toMatch(/private|no-store/);
      expect(a.headers()['set-cookie'], path).toBeUndefined();
      expect(await a.text(), path).toBe(await b.text());
    }
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test('a reply without JavaScript is a page of its own that shared caches keep, answering that comment', async ({
    browser,
  }) => {
    const { context, page } = await newReader(browser, { javaScriptEnabled: false });
    await page.goto(REVIEW_PATH);
    const reply = page.getByRole('link', { name: /^Reply to / }).first();
    const name = ((await reply.getAttribute('aria-label')) ?? '').replace(/^Reply to /, '');
    await reply.click();
    await expect(page).toHaveURL(new RegExp(`${REVIEW_PATH}/reply/[a-z0-9]+#respond$`));
    await expect(page.getByRole('heading', { name: `Reply to ${name}` })).toBeVisible();
    const again = await page.request.get(page.url().replace(/#.*$/, ''));
    expect(again.headers()['cache-control']).toMatch(/s-maxage=\d+/);
    expect(again.headers()['set-cookie']).toBeUndefined();
    await context.close();
  });

  test('an unknown review, genre or author answers a real 404 with a helpful page, every time', async ({
    page,
    request,
  }) => {
    for (const path of [
      '/reviews/no-such-review-here',
      '/genres/no-such-genre',
      '/authors/no-such-author',
      '/reviews/%ff%fe',
    ]) {
      for (let i = 0; i < 2; i++) {
        const response = await request.get(path);
        expect(response.status(), `${path} (request ${i + 1})`).toBe(404);
        // Through the proxy the page is complete HTML, so it reads without JavaScript; Next alone sends an empty
        // shell for a cached page's 404 and fills it in with JavaScript (proxy/nginx.conf says why).
        if (SCALED) expect(await response.text(), path).toMatch(/<h1[^>]*>[^<]*(could not find|not found)/i);
      }
      const shown = await page.goto(path);
      expect(shown?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/could not find|not found/i);
      await expect(page.getByRole('link', { name: /latest reviews/i })).toBeVisible();
    }
  });

  test('the editor preview and the form time stamp are private, never shared', async ({ request }) => {
    const stamp = await request.post('/api/comment-token');
    expect(stamp.status()).toBe(204);
    expect(stamp.headers()['cache-control']).toMatch(/private/);
    expect(stamp.headers()['set-cookie']).toMatch(/mq_form=\d+\.[0-9a-f]{64}; .*HttpOnly/i);
    const preview = await request.get('/api/preview?secret=wrong&slug=x', { maxRedirects: 0 });
    expect(preview.headers()['cache-control'] ?? 'no-store').not.toMatch(/s-maxage|public/);
  });
});

test.describe('a reader who has commented', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`sees their pending comment after a reload and nobody else does (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
    }) => {
      const body = unique(`Pending and mine alone, JS ${javaScriptEnabled ? 'on' : 'off'}`);
      const author = await newReader(browser, { javaScriptEnabled });
      await author.page.goto(REVIEW_PATH);
      await beginWriting(author.page, { javaScript: javaScriptEnabled });
      await fillComment(
        author.page,
        { body, name: 'Mine Alone', email: `mine-${Date.now()}@example.org` },
        { stamped: true },
      );
      await author.page.getByRole('button', { name: 'Post Comment' }).click();
      await expect(author.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
      await author.page.reload();
      await expect(author.page.getByText(body)).toBeVisible();
      await author.page.goto('/');
      await author.page.goto(REVIEW_PATH);
      await expect(author.page.getByText(body)).toBeVisible();
      expect((await author.page.request.get(REVIEW_PATH)).headers()['cache-control']).toMatch(/private/);

      const stranger = await newReader(browser, { javaScriptEnabled });
      await stranger.page.goto(REVIEW_PATH);
      await expect(stranger.page.getByRole('heading', { name: /Leave a Reply/ })).toBeVisible();
      await expect(stranger.page.getByText(body)).toHaveCount(0);
      const shared = await stranger.page.request.get(REVIEW_PATH);
      expect(await shared.text()).not.toContain(body);
      expect(shared.headers()['cache-control']).toMatch(/s-maxage/);
      await Promise.all([author.context.close(), stranger.context.close()]);
    });
  }
});

test.describe("the form's anti-spam check behind a shared cache", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`a post sent faster than a person writes is filed as spam, a person's is not (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
      request,
    }) => {
      const hasty = await newReader(browser, { javaScriptEnabled });
      await hasty.page.goto(REVIEW_PATH);
      if (javaScriptEnabled) {
        // The form stamps when the reader begins to write; the bot posts the moment that answer is in.
        await Promise.all([
          hasty.page.waitForResponse('**/api/comment-token'),
          hasty.page.getByLabel(/^Comment/).click(),
        ]);
      }
      const fast = unique('Posted the instant the page arrived');
      await fillComment(
        hasty.page,
        { body: fast, name: 'Hasty Bot', email: `bot-${Date.now()}@example.org` },
        { stamped: true },
      );
      await hasty.page.getByRole('button', { name: 'Post Comment' }).click();
      // A bot is told what a person is told; only the moderator sees the difference.
      await expect(hasty.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
      expect(await statusOf(request, fast)).toBe('spam');

      const person = await newReader(browser, { javaScriptEnabled });
      await person.page.goto(REVIEW_PATH);
      await beginWriting(person.page, { javaScript: javaScriptEnabled });
      const slow = unique('Written at the pace of a person');
      await fillComment(
        person.page,
        { body: slow, name: 'Careful Reader', email: `person-${Date.now()}@example.org` },
        { stamped: true },
      );
      await person.page.getByRole('button', { name: 'Post Comment' }).click();
      await expect(person.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
      expect(await statusOf(request, slow)).toBe('pending');
      await Promise.all([hasty.context.close(), person.context.close()]);
    });
  }
});
