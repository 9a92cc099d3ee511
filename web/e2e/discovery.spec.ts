import { expect, test } from '@playwright/test';
import { newReader, REVIEW_PATH } from './support';

test.describe('search', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`results mark where the terms matched, as text (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
    }) => {
      const { context, page } = await newReader(browser, { javaScriptEnabled });
      await page.goto('/');
      await page.getByRole('searchbox').first().fill('cell');
      await page.getByRole('searchbox').first().press('Enter');
      await expect(page).toHaveURL(/\/search\?q=cell$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “cell”');
      const result = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: /Miracle in Cell No\. 7 review/ }) });
      await expect(result).toHaveCount(1);
      const marks = result.locator('.search-snippet mark');
      await expect(marks.first()).toBeVisible();
      for (const text of await marks.allTextContents()) expect(text).toMatch(/cell/i);
      await result.getByRole('link', { name: /Miracle in Cell No\. 7 review/ }).click();
      await expect(page).toHaveURL(new RegExp(`${REVIEW_PATH}$`));
      await context.close();
    });
  }

  test('a query that matches nothing says so, and the terms come back as typed', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('<b>zzqxv')}`);
    await expect(page.getByText('No reviews match your search.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “<b>zzqxv”');
    await expect(page.getByLabel('Search reviews by title, film or text')).toHaveValue('<b>zzqxv');
  });

  test('any text a reader types is a search: slashes, %, dots, #, quotes and emoji answer 200, shown as typed', async ({
    page,
    request,
  }) => {
    for (const terms of [
      'Face/Off',
      'AC/DC',
      '100%',
      '.',
      '..',
      '#x',
      '"quoted"',
      "it's",
      '🎬 film',
      '../etc/passwd',
    ]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(terms)}`);
      expect({ terms, status: response?.status() }).toEqual({ terms, status: 200 });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search results for “${terms}”`);
      await expect(page.getByLabel('Search reviews by title, film or text')).toHaveValue(terms);
      // Cached like every search: the same bytes for the next reader.
      expect((await request.get(`/search?q=${encodeURIComponent(terms)}`)).headers()['cache-control']).toMatch(
        /s-maxage/,
      );
    }
    // A typo a reader makes still finds the review.
    await page.goto('/search?q=prizon');
    await expect(page.getByRole('link', { name: /Miracle in Cell No\. 7 review/ })).toBeVisible();
  });
});

test.describe('sitemaps', () => {
  test('robots.txt names a sitemap index whose review chunk lists the published reviews', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    const indexUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(indexUrl).toMatch(/\/sitemap\.xml$/);
    const index = await request.get(new URL(indexUrl ?? '').pathname);
    expect(index.headers()['content-type']).toContain('application/xml');
    const indexXml = await index.text();
    expect(indexXml).toContain('<sitemapindex');
    const sitemaps = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    expect(sitemaps).toEqual(['/sitemaps/pages.xml', '/sitemaps/reviews/1.xml']);

    const chunk = await (await request.get('/sitemaps/reviews/1.xml')).text();
    expect(chunk).toContain('<urlset');
    expect(chunk).toMatch(new RegExp(`<loc>[^<]*${REVIEW_PATH}</loc><lastmod>\\d{4}-`));
    const pages = await (await request.get('/sitemaps/pages.xml')).text();
    for (const path of ['/faq', '/genres/drama', '/authors/jun-park']) expect(pages).toContain(`${path}</loc>`);

    expect((await request.get('/sitemaps/reviews/2.xml')).status()).toBe(404);
    expect((await request.get('/sitemaps/reviews/01.xml')).status()).toBe(404);
  });
});
