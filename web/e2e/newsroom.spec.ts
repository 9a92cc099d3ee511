import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import {
  ADMIN_URL,
  CMS_URL,
  REVIEW,
  adminBrowser,
  adminHeaders,
  inviteAdmin,
  unique,
  type AdminCredentials,
} from './support';

/**
 * The editors' newsroom in the real admin panel: the newsroom page (an Editor's home in the admin), and the review edit
 * view's checklist, history (diff and restore as draft) and address panels, as an Editor uses them.
 */

const PASSWORD = 'Newsroom-Passw0rd-e2e!';
const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const REVIEWS = `${CMS_URL}/content-manager/collection-types/api::review.review`;
// A fixed instant, so the editor's time zone (Paris, summer time) gives a literal expectation.
const PUBLISH_AT = '2031-06-01T16:30:00.000Z';
const PUBLISH_AT_IN_PARIS = '1 Jun 2031, 18:30 CEST';

const EDITOR_VIEW = { viewport: { width: 1440, height: 1000 }, timezoneId: 'Europe/Paris', locale: 'en-GB' };

/** The Editor, logged in to the admin panel at `base`. */
const logIn = (browser: Browser, editor: AdminCredentials, base = CMS_URL) =>
  adminBrowser(browser, { as: editor, base, context: EDITOR_VIEW });

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The demo review's cover and film, so a new review can pass the checklist. */
const demoParts = async (request: APIRequestContext) => {
  const response = await request.get(
    `${CMS_URL}/api/reviews?filters[slug][$eq]=${REVIEW}&populate[cover][fields][0]=name&populate[film][fields][0]=title`,
  );
  const body = (await response.json()) as {
    data: { cover: { id: number } | null; film: { documentId: string } | null }[];
  };
  const demo = body.data[0];
  expect(demo?.cover?.id, 'the demo review has a cover').toBeTruthy();
  expect(demo?.film?.documentId, 'the demo review has a film').toBeTruthy();
  return { cover: demo?.cover?.id ?? 0, film: demo?.film?.documentId ?? '' };
};

/** A review draft written through the admin's own API, as the panel saves one. */
const createDraft = async (request: APIRequestContext, data: Record<string, unknown>) => {
  const headers = await adminHeaders(request);
  const { cover, film } = await demoParts(request);
  const title = String(data.title);
  const response = await request.post(REVIEWS, {
    headers,
    data: {
      slug: slugOf(title),
      rating: 4,
      bestRating: 5,
      worstRating: 1,
      commentsOpen: true,
      verdict: 'Worth the ticket.',
      cover,
      film: { connect: [{ documentId: film }] },
      sections: ['Plot summary', 'Themes', 'Cinematic elements'].map((heading) => ({
        heading,
        body: paragraph(`${heading}: the original plot words.`),
        spoiler: false,
      })),
      ...data,
    },
  });
  expect(response.ok(), `create ${title}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { data: { documentId: string; slug: string } }).data;
};

const editView = (page: Page, documentId: string) =>
  page.goto(`${CMS_URL}/admin/content-manager/collection-types/api::review.review/${documentId}`);

test.describe.configure({ mode: 'serial' });

let editor: AdminCredentials;
test.beforeAll(async ({ request }) => {
  editor = await inviteAdmin(request, {
    role: 'strapi-editor',
    firstname: 'Nora',
    lastname: 'Editor',
    password: PASSWORD,
  });
});

test('an editor lands on the newsroom and sees a scheduled review with its time in her time zone', async ({
  browser,
  request,
}) => {
  const title = unique('Scheduled for release day');
  await createDraft(request, {
    title,
    excerpt: 'A review written ahead of the release, to go out on the day the film opens in cinemas.',
    publishAt: PUBLISH_AT,
  });
  const { context, page } = await logIn(browser, editor);

  // Signed in, she lands on the newsroom; the admin's home (the logo, "Home") brings her back to it.
  await expect(page).toHaveURL(/\/admin\/newsroom$/);
  await page.goto(`${CMS_URL}/admin`);
  await expect(page).toHaveURL(/\/admin\/newsroom$/);
  await expect(page.getByRole('heading', { name: 'Newsroom' })).toBeVisible();
  const scheduled = page.getByTestId('newsroom-scheduled').filter({ hasText: title });
  await expect(scheduled).toContainText(`Publishes ${PUBLISH_AT_IN_PARIS}`);
  await expect(page.getByTestId('newsroom-activity').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'newsroom.png'), fullPage: false });

  await scheduled.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/content-manager\/collection-types\/api::review\.review\/\w+/);
  await expect(page.getByRole('textbox', { name: /^Title/ })).toHaveValue(title);
  await context.close();
});

test("the preview pane frames a review's draft as the site will show it: film facts and byline", async ({
  browser,
  request,
}) => {
  const response = await request.get(
    `${CMS_URL}/api/reviews?filters[slug][$eq]=${REVIEW}&populate[author][fields][0]=name&populate[film][fields][0]=title`,
  );
  const demo = (
    (await response.json()) as {
      data: { documentId: string; title: string; author: { name: string } | null; film: { title: string } | null }[];
    }
  ).data[0];
  expect(demo?.author?.name, 'the demo review has a critic').toBeTruthy();
  expect(demo?.film?.title, 'the demo review has a film').toBeTruthy();
  // As editors open the admin: on the site's host (localhost), whose pages the site lets frame its drafts.
  const { context, page } = await logIn(browser, editor, ADMIN_URL);
  await page.goto(`${ADMIN_URL}/admin/content-manager/collection-types/api::review.review/${demo?.documentId}`);
  await page
    .getByRole('link', { name: 'Open preview' })
    .or(page.getByRole('button', { name: 'Open preview' }))
    .click();
  const framed = page.frameLocator('iframe').first();
  await expect(framed.getByRole('heading', { level: 1 })).toHaveText(String(demo?.title));
  await expect(framed.getByRole('region', { name: 'Preview mode' })).toBeVisible();
  const facts = framed.locator('aside.film-facts');
  await expect(facts.getByRole('heading', { level: 2 })).toHaveText(String(demo?.film?.title));
  await expect(facts).toContainText('Director');
  await expect(framed.locator('.byline')).toContainText(`By ${demo?.author?.name}`);
  await context.close();
});

test('the Film form reads in plain words, with its year written as a year', async ({ browser, request }) => {
  const response = await request.get(
    `${CMS_URL}/api/reviews?filters[slug][$eq]=${REVIEW}&populate[film][fields][0]=year`,
  );
  const film = ((await response.json()) as { data: { film: { documentId: string; year: number } | null }[] }).data[0]
    ?.film;
  expect(film?.year, 'the demo film has a year').toBeGreaterThan(1999);
  const { context, page } = await logIn(browser, editor);
  await page.goto(`${CMS_URL}/admin/content-manager/collection-types/api::film.film/${film?.documentId}`);
  await expect(page.getByRole('textbox', { name: /^Original title/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Year/ })).toHaveValue(String(film?.year));
  await context.close();
});

test.describe('a review in the edit view', () => {
  const title = unique('The checklist stops me');
  const revised = `${title} revised`;
  let documentId = '';
  let slug = '';

  test('the checklist stops Publish naming the field; fixed, the review publishes', async ({ browser, request }) => {
    ({ documentId, slug } = await createDraft(request, { title, excerpt: '' }));
    const { context, page } = await logIn(browser, editor);
    await editView(page, documentId);
    await expect(page.getByTestId('newsroom-checklist')).toContainText(/\d+ words · \d+ min read/);
    await expect(page.getByTestId('checklist-error')).toContainText('Stops Publish · excerpt');

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText(/Not published: excerpt: Write an excerpt/)).toBeVisible();

    await page
      .getByRole('textbox', { name: /^Excerpt/ })
      .fill('A father, a daughter and a prison cell: a melodrama that earns its tears honestly.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved document')).toBeVisible();
    await expect(page.getByTestId('checklist-error')).toHaveCount(0);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Published document')).toBeVisible();
    await context.close();
  });

  test('restores an earlier version from History: the form shows it, the live page keeps the published text', async ({
    browser,
    request,
  }) => {
    const headers = await adminHeaders(request);
    // A second edition, published: a new title and a rewritten first section.
    const update = await request.put(`${REVIEWS}/${documentId}`, {
      headers,
      data: {
        title: revised,
        sections: ['Plot summary', 'Themes', 'Cinematic elements'].map((heading, index) => ({
          heading,
          body: paragraph(
            index === 0 ? `${heading}: a rewritten account of the story.` : `${heading}: the original plot words.`,
          ),
          spoiler: false,
        })),
      },
    });
    expect(update.ok(), await update.text()).toBe(true);
    expect((await request.post(`${REVIEWS}/${documentId}/actions/publish`, { headers, data: {} })).ok()).toBe(true);
    await expect
      .poll(async () => (await request.get(`/reviews/${slug}`)).text(), { timeout: 15_000 })
      .toContain('a rewritten account of the story');

    const { context, page } = await logIn(browser, editor);
    await editView(page, documentId);
    await expect(page.getByRole('textbox', { name: /^Title/ })).toHaveValue(revised);
    await expect(page.getByRole('link', { name: 'View on site' })).toHaveAttribute(
      'href',
      new RegExp(`/reviews/${slug}$`),
    );

    const published = page.getByTestId('newsroom-revision').filter({ hasText: 'Published ·' });
    await expect(published).toHaveCount(2);
    // The side panel re-renders on the next idle callback, and a click that lands during one is lost: click until
    // the box holds its state.
    for (const row of [published.nth(0), published.nth(1)]) {
      const box = row.getByRole('checkbox');
      await expect(async () => {
        if (!(await box.isChecked())) await box.click();
        await expect(box).toBeChecked({ timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
    }
    await page.getByRole('button', { name: 'Compare selected' }).click();
    const diff = page.getByTestId('newsroom-diff');
    await expect(diff.locator('del').filter({ hasText: 'original plot words' })).toBeVisible();
    await expect(diff.locator('ins').filter({ hasText: 'a rewritten account of' })).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).last().click();

    await published.nth(1).getByRole('button', { name: 'Restore as draft' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('It is never published by itself');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore as draft' }).click();
    await expect(page.getByText(/is now the draft\. Nothing was published\./)).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^Title/ })).toHaveValue(title);
    await expect(page.getByTestId('newsroom-revision').first()).toContainText('Restored ·');

    const live = await (await request.get(`/reviews/${slug}`)).text();
    expect(live).toContain('a rewritten account of the story');
    expect(live).not.toContain('Plot summary: the original plot words');

    // The slug in the form differs from the live one: the edit view says the old address will redirect.
    await page.getByRole('textbox', { name: /^Slug/ }).fill(`${slug}-renamed`);
    await expect(page.getByTestId('newsroom-slug-warning')).toContainText(
      `/reviews/${slug} to /reviews/${slug}-renamed`,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-panels.png'), fullPage: false });
    await context.close();
  });
});
