import { expect, test, type APIRequestContext } from '@playwright/test'
import { adminToken, CMS_URL, newReader, unique } from './support'

const PREVIEW_SECRET = process.env.E2E_PREVIEW_SECRET ?? ''
const REVIEW = 'api::review.review'

/** The admin panel's own API, as the editor's browser calls it. */
const adminApi = async (request: APIRequestContext) => {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` }
  return {
    createDraft: async (title: string, slug: string) => {
      const response = await request.post(`${CMS_URL}/content-manager/collection-types/${REVIEW}`, {
        headers,
        data: { title, slug, excerpt: 'Written by an editor a moment ago.', rating: 3, bestRating: 5, worstRating: 1, commentsOpen: true },
      })
      expect(response.ok()).toBe(true)
      return ((await response.json()) as { data: { documentId: string } }).data.documentId
    },
    publish: async (documentId: string) => {
      const response = await request.post(`${CMS_URL}/content-manager/collection-types/${REVIEW}/${documentId}/actions/publish`, { headers, data: {} })
      expect(response.ok()).toBe(true)
    },
    remove: async (documentId: string) => {
      await request.delete(`${CMS_URL}/content-manager/collection-types/${REVIEW}/${documentId}`, { headers })
    },
  }
}

test('an editor previews a draft with a banner, readers never reach it, and publishing shows it within 2 s', async ({ browser, request }) => {
  expect(PREVIEW_SECRET, 'E2E_PREVIEW_SECRET is set by the root test runner').not.toBe('')
  const admin = await adminApi(request)
  const title = unique('A draft review of Train to Busan')
  const slug = `draft-${Date.now()}`
  const documentId = await admin.createDraft(title, slug)
  try {
    const reader = await newReader(browser)
    await reader.page.goto(`/reviews/${slug}`)
    await expect(reader.page.getByText(title)).toHaveCount(0)
    expect(await (await reader.page.request.get(`/reviews/${slug}`)).text()).not.toContain(title)
    expect((await reader.page.request.get(`/api/preview?secret=wrong-secret&slug=${slug}&status=draft`, { maxRedirects: 0 })).status()).toBe(401)

    const editor = await newReader(browser)
    await editor.page.goto(`/api/preview?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=${slug}&status=draft`)
    await expect(editor.page).toHaveURL(new RegExp(`/reviews/${slug}$`))
    await expect(editor.page.getByRole('region', { name: 'Preview mode' })).toBeVisible()
    await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText(title)

    // The reader's cached "not found" must not have become the draft.
    await reader.page.reload()
    await expect(reader.page.getByText(title)).toHaveCount(0)

    await admin.publish(documentId)
    const publishedAt = Date.now()
    await expect.poll(async () => (await reader.page.request.get(`/reviews/${slug}`)).text(), { timeout: 2000, intervals: [100] }).toContain(title)
    console.log(`published review visible to readers after ${Date.now() - publishedAt} ms`)
    await expect.poll(async () => (await reader.page.request.get('/')).text(), { timeout: 2000, intervals: [100] }).toContain(title)
    await Promise.all([reader.context.close(), editor.context.close()])
  } finally {
    await admin.remove(documentId)
  }
})
