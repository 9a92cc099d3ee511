import { expect, test } from '@playwright/test';
import { newReader } from './support';

/**
 * The pages an email links to, with JavaScript off as some mail readers open them. A real token needs the CMS's
 * key, which the stack does not share; a well-formed forged one goes the whole way (page, form post, web route, CMS)
 * and must be refused. The CMS API suite covers valid tokens (cms/tests/api/mail.test.ts).
 */
const FORGED = Buffer.from(`forged-${'x'.repeat(60)}`).toString('base64url');

for (const [path, button, api] of [
  ['/mail/unsubscribe', 'Unsubscribe', '/api/mail/unsubscribe'],
  ['/mail/confirm', 'Confirm my address', '/api/mail/confirm'],
] as const) {
  test(`${path} is rendered per request, works without JavaScript, and refuses a forged link`, async ({ browser }) => {
    const { context, page } = await newReader(browser, { javaScriptEnabled: false });
    try {
      const response = await page.goto(`${path}?token=${FORGED}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toMatch(/private/);
      expect(response?.headers()['cache-control']).toMatch(/no-store/);
      const form = page.locator(`form[action="${api}"]`);
      await expect(form).toHaveAttribute('method', 'post');
      await page.getByRole('button', { name: button }).click();
      await expect(page).toHaveURL(`${path}?result=invalid`);
      await expect(page.getByRole('alert').filter({ hasText: 'This link is not valid' })).toBeVisible();
    } finally {
      await context.close();
    }
  });
}

test('a mail client’s one-click unsubscribe POST is answered, without cookies, and a forged link refused', async ({
  request,
}) => {
  const response = await request.post(`/api/mail/unsubscribe?token=${FORGED}`, {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(response.status()).toBe(400);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  const opened = await request.get(`/api/mail/unsubscribe?token=${FORGED}`, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers().location).toBe(`/mail/unsubscribe?token=${FORGED}`);
});

test('the comment form offers both notification boxes with JavaScript off', async ({ browser }) => {
  const { context, page } = await newReader(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`/reviews/${process.env.E2E_REVIEW_SLUG ?? 'miracle-in-cell-no-7-review'}`);
    await expect(page.getByLabel('Notify me of follow-up comments by email.')).not.toBeChecked();
    await expect(page.getByLabel('Tell me when my comment is approved.')).not.toBeChecked();
  } finally {
    await context.close();
  }
});
