import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { approveInAdmin, everythingServed, fillComment, adminBrowser, newReader, REVIEW_PATH, unique } from './support';

test.describe('reading', () => {
  test('the home page lists the latest reviews with their ratings as text', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('link', { name: /Miracle in Cell No\. 7 review/ })).toBeVisible();
    await expect(page.getByText(/\d(\.\d)? out of \d+/).first()).toBeAttached();
  });

  test('a reader opens the Miracle in Cell No. 7 review and sees the film facts, sections and FAQ', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('link', { name: /Miracle in Cell No\. 7 review/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`${REVIEW_PATH}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Miracle in Cell No\. 7 review/);
    await expect(page.getByText('4 out of 5').first()).toBeAttached();
    for (const fact of ['Lee Hwan-kyung', 'South Korea', '2013', 'Ryu Seung-ryong']) {
      await expect(page.getByText(fact, { exact: false }).first()).toBeVisible();
    }
    for (const heading of [
      'Plot summary',
      'Themes',
      'Cinematic elements',
      'Cultural impact',
      'Box office',
      'Critical acclaim',
      'Remakes',
    ]) {
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    }
    const faq = page.locator('details', { hasText: 'Is Miracle in Cell No. 7 based on a true story?' });
    await expect(faq).not.toHaveAttribute('open', /.*/);
    await faq.locator('summary').click();
    await expect(faq.getByText(/loosely inspired by real cases/)).toBeVisible();
    await expect(page.getByText('Same here. The inmates smuggling her in')).toBeVisible();
  });

  test('the JSON-LD parses and describes the review of a movie, its FAQ, breadcrumbs and comments', async ({
    page,
  }) => {
    await page.goto(REVIEW_PATH);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const graph = blocks.flatMap((text) => {
      const parsed: unknown = JSON.parse(text);
      const items = Array.isArray(parsed) ? parsed : [parsed];
      return items.flatMap((item: Record<string, unknown>) =>
        Array.isArray(item['@graph']) ? item['@graph'] : [item],
      );
    }) as Record<string, unknown>[];
    const review = graph.find((item) => item['@type'] === 'Review');
    expect(review).toMatchObject({
      itemReviewed: { '@type': 'Movie', name: 'Miracle in Cell No. 7' },
      author: { name: 'Jun Park' },
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
      datePublished: expect.stringMatching(/^\d{4}-\d\d-\d\d/),
    });
    const faq = graph.find((item) => item['@type'] === 'FAQPage') as { mainEntity: unknown[] } | undefined;
    expect(faq?.mainEntity.length).toBeGreaterThanOrEqual(5);
    expect(graph.find((item) => item['@type'] === 'BreadcrumbList')).toBeTruthy();
    expect(JSON.stringify(graph)).toContain('"Comment"');
  });

  test('home, review and search pages have no accessibility violations', async ({ page }) => {
    for (const path of ['/', REVIEW_PATH, '/search?q=cell']) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${path}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
    }
  });

  test('search is answered by the CMS', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox').first().fill('parasite');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=parasite/);
    await expect(page.getByRole('link', { name: /Parasite review/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Amélie review/ })).toHaveCount(0);
  });

  test('an unknown review shows a helpful not-found page', async ({ page }) => {
    await page.goto('/reviews/no-such-review');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /review/i }).first()).toBeVisible();
  });
});

test.describe('commenting', () => {
  test('a missing field is named and keeps everything the reader typed', async ({ browser }) => {
    const { context, page } = await newReader(browser);
    await page.goto(`${REVIEW_PATH}#respond`);
    const body = unique('A comment kept through an error');
    await page.getByLabel(/^Comment/).fill(body);
    await page.getByLabel(/^Name/).fill('Forgetful Reader');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /email/i })).toBeVisible();
    await expect(page.getByLabel(/^Comment/)).toHaveValue(body);
    await expect(page.getByLabel(/^Name/)).toHaveValue('Forgetful Reader');
    await context.close();
  });

  test('a posted comment awaits moderation for its author only, then shows for everyone within 2 s of approval', async ({
    browser,
  }) => {
    const email = `reader-${Date.now()}@example.org`;
    const body = unique('What a wonderful review, thank you');
    const author = await newReader(browser);
    await author.page.goto(REVIEW_PATH);
    await fillComment(author.page, { body, name: 'Patient Reader', email });
    await author.page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(author.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
    await expect(author.page.getByText(body)).toBeVisible();
    await author.page.reload();
    await expect(author.page.getByText(body)).toBeVisible();

    const stranger = await newReader(browser);
    await stranger.page.goto(REVIEW_PATH);
    await expect(stranger.page.getByRole('heading', { name: /Leave a Reply/ })).toBeVisible();
    await expect(stranger.page.getByText(body)).toHaveCount(0);
    expect(await everythingServed(stranger.page.request, REVIEW_PATH)).not.toContain(body);

    const moderator = await adminBrowser(browser);
    await approveInAdmin(moderator.page, body);
    const approvedAt = Date.now();
    await expect
      .poll(async () => (await everythingServed(stranger.page.request, REVIEW_PATH)).includes(body), {
        timeout: 2000,
        intervals: [100],
      })
      .toBe(true);
    const delay = Date.now() - approvedAt;
    console.log(`approved comment visible to a fresh reader after ${delay} ms`);
    await stranger.page.reload();
    await expect(stranger.page.getByText(body)).toBeVisible();

    for (const path of ['/', REVIEW_PATH, '/feed.xml', '/sitemap.xml', '/faq', '/search?q=cell']) {
      expect(await everythingServed(stranger.page.request, path), `${path} must not contain the email`).not.toContain(
        email,
      );
    }
    expect(await everythingServed(author.page.request, REVIEW_PATH)).not.toContain(email);
    await Promise.all([author.context.close(), stranger.context.close(), moderator.context.close()]);
  });

  test('markup in a comment is shown as text, never run', async ({ browser }) => {
    const marker = unique('not bold');
    const body = `<script>window.__pwned = true</script><b>${marker}</b><img src=x onerror="window.__pwned = true">`;
    const author = await newReader(browser);
    await author.page.goto(REVIEW_PATH);
    await fillComment(author.page, { body, name: '<i>Mallory</i>', email: `mallory-${Date.now()}@example.org` });
    await author.page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(author.page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();

    const moderator = await adminBrowser(browser);
    await approveInAdmin(moderator.page, marker);

    const reader = await newReader(browser);
    await expect
      .poll(async () => (await everythingServed(reader.page.request, REVIEW_PATH)).includes(marker), { timeout: 5000 })
      .toBe(true);
    await reader.page.goto(REVIEW_PATH);
    await expect(reader.page.getByText(body)).toBeVisible();
    await expect(reader.page.getByText('<i>Mallory</i>')).toBeVisible();
    expect(await reader.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await Promise.all([author.context.close(), reader.context.close(), moderator.context.close()]);
  });
});

test.describe('without JavaScript', () => {
  test('the comment form still posts, and a failed post keeps the text', async ({ browser }) => {
    const { context, page } = await newReader(browser, { javaScriptEnabled: false });
    await page.goto(REVIEW_PATH);
    const body = unique('Posted with JavaScript switched off');
    await page.getByLabel(/^Comment/).fill(body);
    await page.getByLabel(/^Name/).fill('No Script Reader');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText(/email/i).first()).toBeVisible();
    await expect(page.getByLabel(/^Comment/)).toHaveValue(body);

    await page.getByLabel(/^Email/).fill(`noscript-${Date.now()}@example.org`);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
    await expect(page.getByText(body)).toBeVisible();
    await context.close();
  });
});
