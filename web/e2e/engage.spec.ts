import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminToken, CMS_URL, fillComment, newReader, unique } from './support';

/** A seeded review with comments but no ratings, so the readers' score starts below the minimum of 3 ratings. */
const RATED_PATH = '/reviews/parasite-review';

/** Approves a comment as a moderator's browser would, through the admin panel's own API (the same document service). */
const approve = async (request: APIRequestContext, body: string) => {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const base = `${CMS_URL}/content-manager/collection-types/api::comment.comment`;
  const list = await request.get(`${base}?_q=${encodeURIComponent(body)}`, { headers });
  expect(list.ok(), 'the admin comment list').toBe(true);
  const { results } = (await list.json()) as { results: { documentId: string }[] };
  expect(results).toHaveLength(1);
  const saved = await request.put(`${base}/${results[0]?.documentId}`, {
    headers,
    data: { moderationStatus: 'approved' },
  });
  expect(saved.ok(), 'the approval').toBe(true);
};

/** Chooses stars the way a keyboard user does: tab into the radio group ("No rating"), then arrow right. */
const rateWithKeyboard = async (page: Page, stars: number) => {
  await page.getByLabel('No rating').focus();
  for (let i = 0; i < stars; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel(stars === 1 ? '1 star' : `${stars} stars`)).toBeChecked();
};

/** Every JSON-LD object on the page (a script may hold one object or an array of them). */
const jsonLd = async (page: Page): Promise<Record<string, unknown>[]> =>
  (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => {
    const parsed: unknown = JSON.parse(text);
    return (Array.isArray(parsed) ? parsed : [parsed]).filter(
      (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
    );
  });

const movieOf = (graphs: Record<string, unknown>[]) => {
  const review = graphs.find((graph) => graph['@type'] === 'Review');
  return review?.itemReviewed as Record<string, unknown> | undefined;
};

test.describe('reader ratings', () => {
  test('a reader rates with the keyboard; a failed post keeps the stars; the rating shows once approved', async ({
    browser,
    request,
  }) => {
    const { context, page } = await newReader(browser);
    await page.goto(RATED_PATH);
    await expect(page.getByTestId('reader-rating')).toHaveCount(0);
    const body = unique('Rated with the keyboard');
    await fillComment(page, { body, name: 'Key Board', email: '' });
    await rateWithKeyboard(page, 4);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert', { name: /not posted/ })).toBeVisible();
    await expect(page.getByLabel('4 stars')).toBeChecked();

    const email = page.getByLabel(/^Email/);
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(async () => {
      await email.fill(`keys-${Date.now()}@example.org`);
      await expect(email).toHaveValue(/@example\.org$/, { timeout: 500 });
    }).toPass({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
    await approve(request, body);
    await context.close();

    const { context: other, page: later } = await newReader(browser);
    await expect(async () => {
      await later.goto(RATED_PATH);
      await expect(later.locator('article', { hasText: body }).getByText('Rated the film 4 out of 5')).toBeAttached({
        timeout: 500,
      });
    }).toPass({ timeout: 10_000 });
    await other.close();
  });

  test('without JavaScript the stars are radio buttons that post with the comment', async ({ browser, request }) => {
    const { context, page } = await newReader(browser, { javaScriptEnabled: false });
    await page.goto(RATED_PATH);
    const body = unique('Rated with JavaScript off');
    await page.getByLabel(/^Comment/).fill(body);
    await page.getByLabel(/^Name/).fill('No Script Rater');
    await page.getByLabel(/^Email/).fill(`noscript-rater-${Date.now()}@example.org`);
    await rateWithKeyboard(page, 2);
    await page.waitForTimeout(3200);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
    await approve(request, body);
    await context.close();
  });

  test("the readers' score and the Movie's AggregateRating appear once enough approved ratings exist", async ({
    browser,
    request,
  }) => {
    // Two approved ratings may exist from the tests above; a third and a fourth reader make sure of the minimum.
    for (const stars of [5, 3]) {
      const { context, page } = await newReader(browser);
      await page.goto(RATED_PATH);
      const body = unique(`Another ${stars}-star view`);
      await fillComment(page, { body, name: 'Rater', email: `rater-${stars}-${Date.now()}@example.org` });
      await rateWithKeyboard(page, stars);
      await page.getByRole('button', { name: 'Post Comment' }).click();
      await expect(page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
      await approve(request, body);
      await context.close();
    }

    const { context, page } = await newReader(browser);
    await expect(async () => {
      await page.goto(RATED_PATH);
      await expect(page.getByTestId('reader-rating')).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(page.getByTestId('reader-rating')).toHaveText(/^Readers:.*\d\.\d out of 5 from \d+ ratings$/);
    // The critic's score stays as it is, apart from the readers'.
    await expect(page.locator('.review-header .rating-lg')).toBeVisible();

    const movie = movieOf(await jsonLd(page));
    expect(movie).toMatchObject({
      '@type': 'Movie',
      aggregateRating: {
        '@type': 'AggregateRating',
        bestRating: 5,
        worstRating: 1,
        ratingCount: expect.any(Number),
        ratingValue: expect.any(Number),
      },
    });
    expect(Number((movie?.aggregateRating as { ratingCount: number }).ratingCount)).toBeGreaterThanOrEqual(3);
    const review = (await jsonLd(page)).find((graph) => graph['@type'] === 'Review');
    expect(review).not.toHaveProperty('aggregateRating');
    expect(JSON.stringify(await jsonLd(page))).not.toMatch(/@example\.org/);
    await context.close();
  });

  test("the demo review shows its readers' score", async ({ page }) => {
    await page.goto('/reviews/miracle-in-cell-no-7-review');
    await expect(page.getByTestId('reader-rating')).toHaveText(/Readers:.*4\.3 out of 5 from 3 ratings/);
    await page.getByTestId('reader-rating').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: '../docs/screenshots/reader-ratings.png',
      clip: { x: 0, y: 0, width: 1280, height: 720 },
    });
  });
});

test.describe('reporting a comment', () => {
  test('without JavaScript a reader reports an approved comment, and a missing reason keeps the note', async ({
    browser,
    request,
  }) => {
    const { context: writer, page: writing } = await newReader(browser);
    await writing.goto(RATED_PATH);
    const body = unique('A comment someone will report');
    await fillComment(writing, { body, name: 'Reported Writer', email: `reported-${Date.now()}@example.org` });
    await writing.getByRole('button', { name: 'Post Comment' }).click();
    await expect(writing.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
    await approve(request, body);
    await writer.close();

    const { context, page } = await newReader(browser, { javaScriptEnabled: false });
    const comment = page.locator('article', { hasText: body });
    await expect(async () => {
      await page.goto(RATED_PATH);
      await expect(comment).toBeAttached({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await comment.getByRole('link', { name: /^Report the comment by/ }).click();
    await expect(page.getByRole('heading', { name: 'Report a comment' })).toBeVisible();

    await page.getByLabel(/^Note for the moderator/).fill('It names the ending in the first line.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not sent' })).toBeVisible();
    await expect(page.getByText('Please choose why you are reporting this comment.')).toBeVisible();
    await expect(page.getByLabel(/^Note for the moderator/)).toHaveValue('It names the ending in the first line.');

    await page.getByLabel('Spoils the film without warning').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page).toHaveURL(/\/report\/[a-z0-9]+\/sent$/);
    await expect(page.getByRole('status')).toHaveText('Thanks — a moderator will review it.');
    await context.close();

    // The thank-you page is the same for everyone: nothing of this reader's report is in it.
    const { context: other, page: fresh } = await newReader(browser);
    await fresh.goto(page.url());
    await expect(fresh.getByText('It names the ending')).toHaveCount(0);
    await other.close();
  });
});
