import { expect, test } from '@playwright/test'
import { REVIEW_PATH } from './support'

/** What an outside probe tried against the reader site, as readers reach it (the web, or the caching proxy). */
test('an oversized comment post is refused with 413 before it is read, and the page still serves', async ({ request }) => {
  for (const size of [1_000_000, 2_000_000]) {
    const response = await request.post(REVIEW_PATH, {
      multipart: { comment: 'x'.repeat(size), name: 'Big', email: 'big@example.org' },
      headers: { 'Next-Action': 'probe' },
    })
    expect(response.status(), `${size} bytes`).toBe(413)
  }
  expect((await request.get(REVIEW_PATH)).status()).toBe(200)
})

test('malformed paths answer 404, never 500', async ({ request }) => {
  for (const path of ['/reviews/%ff%fe', '/genres/%ff', '/authors/%c0', '/reviews/%ff%fe/comments/2']) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
})

test('a NUL or other control character in a search is never echoed back', async ({ request }) => {
  const html = await (await request.get('/search?q=cell%00%07probe')).text()
  // eslint-disable-next-line no-control-regex -- the control characters are what must not come back
  expect(html).not.toMatch(/\u0000|\u0007/)
  expect(html).toContain('cell probe')
})
