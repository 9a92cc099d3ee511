import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, ADMIN_URL, CMS_URL, newReader, unique } from './support';

const PREVIEW_SECRET = process.env.E2E_PREVIEW_SECRET ?? '';
const REVIEW = 'api::review.review';

/** The admin panel's own API, as the editor's browser calls it. */
const adminApi = async (request: APIRequestContext) => {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  return {
    createDraft: async (title: string, slug: string) => {
      // The pre-publish checklist wants a cover with its alternative text: one of the media library's.
      type File = { id: number; alternativeText: string | null };
      const listed = (await (await request.get(`${CMS_URL}/upload/files`, { headers })).json()) as
        File[] | { results: File[] };
      const cover = (Array.isArray(listed) ? listed : listed.results).find((file) => file.alternativeText)?.id;
      expect(cover, 'the demo content has covers with alternative text').toBeDefined();
      const response = await request.post(`${CMS_URL}/content-manager/collection-types/${REVIEW}`, {
        headers,
        data: {
          title,
          slug,
          excerpt: 'Written by an editor a moment ago, and long enough to serve as a meta description.',
          cover,
          rating: 3,
          bestRating: 5,
          worstRating: 1,
          commentsOpen: true,
        },
      });
      expect(response.ok()).toBe(true);
      return ((await response.json()) as { data: { documentId: string } }).data.documentId;
    },
    publish: async (documentId: string) => {
      const response = await request.post(
        `${CMS_URL}/content-manager/collection-types/${REVIEW}/${documentId}/actions/publish`,
        { headers, data: {} },
      );
      expect(response.ok()).toBe(true);
    },
    rename: async (documentId: string, slug: string) => {
      const update = await request.put(`${CMS_URL}/content-manager/collection-types/${REVIEW}/${documentId}`, {
        headers,
        data: { slug },
      });
      expect(update.ok()).toBe(true);
      const response = await request.post(
        `${CMS_URL}/content-manager/collection-types/${REVIEW}/${documentId}/actions/publish`,
        { headers, data: {} },
      );
      expect(response.ok()).toBe(true);
    },
    remove: async (documentId: string) => {
      await request.delete(`${CMS_URL}/content-manager/collection-types/${REVIEW}/${documentId}`, { headers });
    },
  };
};

test('an editor previews a draft with a banner, readers never reach it, and publishing shows it within 2 s', async ({
  browser,
  request,
}) => {
  expect(PREVIEW_SECRET, 'E2E_PREVIEW_SECRET is set by the root test runner').not.toBe('');
  const admin = await adminApi(request);
  const title = unique('A draft review of Train to Busan');
  const slug = `draft-${Date.now()}`;
  const documentId = await admin.createDraft(title, slug);
  try {
    const reader = await newReader(browser);
    await reader.page.goto(`/reviews/${slug}`);
    await expect(reader.page.getByText(title)).toHaveCount(0);
    expect(await (await reader.page.request.get(`/reviews/${slug}`)).text()).not.toContain(title);
    expect(
      (
        await reader.page.request.get(`/api/preview?secret=wrong-secret&slug=${slug}&status=draft`, { maxRedirects: 0 })
      ).status(),
    ).toBe(401);

    const editor = await newReader(browser);
    await editor.page.goto(`/api/preview?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=${slug}&status=draft`);
    await expect(editor.page).toHaveURL(new RegExp(`/reviews/${slug}$`));
    await expect(editor.page.getByRole('region', { name: 'Preview mode' })).toBeVisible();
    await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText(title);

    // The reader's cached "not found" must not have become the draft.
    await reader.page.reload();
    await expect(reader.page.getByText(title)).toHaveCount(0);

    await admin.publish(documentId);
    const publishedAt = Date.now();
    await expect
      .poll(async () => (await reader.page.request.get(`/reviews/${slug}`)).text(), { timeout: 2000, intervals: [100] })
      .toContain(title);
    console.log(`published review visible to readers after ${Date.now() - publishedAt} ms`);
    await expect
      .poll(async () => (await reader.page.request.get('/')).text(), { timeout: 2000, intervals: [100] })
      .toContain(title);
    await Promise.all([reader.context.close(), editor.context.close()]);
  } finally {
    await admin.remove(documentId);
  }
});

test("a renamed review's old URL and its comment pages answer 301 to the new one; once deleted, 410", async ({
  request,
}) => {
  const admin = await adminApi(request);
  const [first, second] = [`renamed-${Date.now()}`, `renamed-again-${Date.now()}`];
  const documentId = await admin.createDraft(unique('A review renamed twice'), first);
  try {
    await admin.publish(documentId);
    await expect
      .poll(async () => (await request.get(`/reviews/${first}`, { maxRedirects: 0 })).status(), { timeout: 3000 })
      .toBe(200);
    await admin.rename(documentId, second);
    await expect
      .poll(async () => (await request.get(`/reviews/${first}`, { maxRedirects: 0 })).status(), {
        timeout: 2000,
        intervals: [100],
      })
      .toBe(301);
    const moved = await request.get(`/reviews/${first}`, { maxRedirects: 0 });
    expect(new URL(moved.headers().location ?? '', 'http://site').pathname).toBe(`/reviews/${second}`);
    const page2 = await request.get(`/reviews/${first}/comments/2`, { maxRedirects: 0 });
    expect(page2.status()).toBe(301);
    expect(new URL(page2.headers().location ?? '', 'http://site').pathname).toBe(`/reviews/${second}/comments/2`);
    expect((await request.get(`/reviews/${first}`)).status()).toBe(200);

    await admin.remove(documentId);
    await expect
      .poll(async () => (await request.get(`/reviews/${first}`, { maxRedirects: 0 })).status(), {
        timeout: 2000,
        intervals: [100],
      })
      .toBe(410);
  } finally {
    await admin.remove(documentId);
  }
});

test('a draft preview may be framed by the admin panel only; public pages by nobody', async ({ browser }) => {
  const editor = await newReader(browser);
  try {
    const response = await editor.page.goto(
      `/api/preview?secret=${encodeURIComponent(PREVIEW_SECRET)}&slug=miracle-in-cell-no-7-review&status=draft`,
    );
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain(`frame-ancestors ${new URL(ADMIN_URL).origin}`);
    expect(response?.headers()['x-frame-options']).toBeUndefined();
    const reader = await newReader(browser);
    const page = await reader.page.goto('/reviews/miracle-in-cell-no-7-review');
    expect(page?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page?.headers()['x-frame-options']).toBe('DENY');
    await reader.context.close();
  } finally {
    await editor.context.close();
  }
});
