import { expect, test } from '@playwright/test'

/** Needs a CMS with at least one published review whose comments are open (the seed has them). */
const REVIEW = process.env.E2E_REVIEW_SLUG ?? 'miracle-in-cell-no-7-review'

test('the home page lists reviews with ratings a screen reader can read', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest reviews' })).toBeVisible()
  await expect(page.getByText(/\d(\.\d)? out of \d+/).first()).toBeAttached()
})

test('a review keeps spoilers closed until opened', async ({ page }) => {
  await page.goto(`/reviews/${REVIEW}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  for (const details of await page.locator('.spoiler details').all()) await expect(details).not.toHaveAttribute('open', /.*/)
})

test('a reader sees their own comment awaiting moderation, and a missing field keeps what they typed', async ({ page }) => {
  await page.goto(`/reviews/${REVIEW}#respond`)
  const comment = `E2E comment ${Date.now()}`
  await page.getByLabel(/^Comment/).fill(comment)
  await page.getByLabel(/^Name/).fill('E2E Reader')
  await page.getByRole('button', { name: 'Post Comment' }).click()
  await expect(page.getByRole('alert', { name: /not posted/ })).toContainText('Please enter your email address')
  await expect(page.getByLabel(/^Comment/)).toHaveValue(comment)

  await page.getByLabel(/^Email/).fill('e2e@example.org')
  await page.getByRole('button', { name: 'Post Comment' }).click()
  await expect(page.getByText('Your comment is awaiting moderation.').first()).toBeVisible()
  await expect(page.getByText(comment)).toBeVisible()
  expect(await page.content()).not.toContain('e2e@example.org')
})
