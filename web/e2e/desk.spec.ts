import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import path from 'node:path';
import { CMS_URL, REVIEW, adminBrowser, adminHeaders, inviteAdmin, unique } from './support';

/**
 * The moderation desk (/admin/moderation) in the real admin panel: a moderator works the queue, replies as staff;
 * an editor turns a reader's question into a draft FAQ.
 */

const PASSWORD = 'Desk-Passw0rd-e2e!';
const SCREENSHOT = path.join(__dirname, '..', '..', 'docs', 'screenshots', 'moderation-desk.png');

const DESK_VIEW = { viewport: { width: 1440, height: 1100 } };

/** A comment held for moderation on the demo review, stored as the comment pipeline stores one. */
const heldComment = async (
  request: APIRequestContext,
  body: string,
  authorName = 'Desk Reader',
  extra: Record<string, unknown> = {},
) => {
  const headers = await adminHeaders(request);
  const reviews = (await (
    await request.get(`${CMS_URL}/api/reviews?filters[slug][$eq]=${REVIEW}&fields[0]=slug`)
  ).json()) as {
    data: { documentId: string }[];
  };
  const review = reviews.data[0]?.documentId;
  expect(review, 'the demo review').toBeTruthy();
  const created = await request.post(`${CMS_URL}/content-manager/collection-types/api::comment.comment`, {
    headers,
    data: {
      authorName,
      authorEmail: `${unique('desk').replace(/\W+/g, '-')}@example.com`,
      body,
      moderationStatus: 'pending',
      heldReason: 'First-time commenter',
      review: { connect: [{ documentId: review }] },
      ...extra,
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  return ((await created.json()) as { data: { documentId: string } }).data.documentId;
};

const pendingBadge = (page: Page) => page.getByTestId('moderation-pending-count');
const pendingTab = (page: Page) => page.getByRole('tab', { name: /^Pending \(\d+\)$/ });
const countIn = async (text: Promise<string | null>) => Number(/(\d+)/.exec((await text) ?? '')?.[1] ?? NaN);

test('a moderator approves in one click, sees the count drop, and replies as staff', async ({ browser, request }) => {
  // Found by documentId, so the text can read as a reader's would (it is in the screenshot).
  const body =
    'I watched this after reading the review.\n\nIs the Turkish remake worth watching, or should I find the 2013 Korean original first?';
  const documentId = await heldComment(request, body, 'Deniz Aksoy');
  // A held reply with a reader rating, so the desk shows the comment it answers.
  const thread = (await (await request.get(`${CMS_URL}/api/comments/review/${REVIEW}`)).json()) as {
    data: { documentId: string }[];
  };
  const parent = thread.data[0]?.documentId;
  if (parent) {
    await heldComment(
      request,
      'Agreed about the ending. The prison scenes are the best part, and the daughter steals every one of them.',
      'Kim Lee',
      {
        rating: 5,
        heldReason: 'Contains 2 links',
        parent: { connect: [{ documentId: parent }] },
      },
    );
  }
  const moderator = await inviteAdmin(request, {
    role: 'marquee-moderator',
    firstname: 'Mona',
    lastname: 'Desk',
    password: PASSWORD,
  });
  const { context, page } = await adminBrowser(browser, { as: moderator, context: DESK_VIEW });
  // A Moderator's home in the admin is the desk.
  await expect(page).toHaveURL(/\/admin\/moderation$/);

  // The pending count is on the main menu, wherever the moderator is.
  await expect(pendingBadge(page)).toBeVisible();
  const before = await countIn(pendingBadge(page).textContent());
  expect(before).toBeGreaterThan(0);

  // The link a held-comment email carries: the Pending tab, that comment highlighted.
  await page.goto(`${CMS_URL}/admin/moderation?tab=pending&comment=${documentId}`);
  const row = page.locator(`[data-comment="${documentId}"]`);
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row.getByTestId('desk-body')).toContainText(
    'Is the Turkish remake worth watching, or should I find the 2013 Korean original first?',
  );
  await expect(row.getByText('First-time commenter')).toBeVisible();
  await expect(row.getByRole('link', { name: /Miracle in Cell No\. 7/ })).toHaveAttribute(
    'href',
    new RegExp(`/reviews/${REVIEW}#comment-${documentId}$`),
  );
  expect(await countIn(pendingTab(page).textContent())).toBe(before);

  // Strapi's one-time announcement banner is not part of the desk.
  const banner = page.getByRole('button', { name: 'Close' }).first();
  if (await banner.isVisible()) await banner.click();
  await page.screenshot({ path: SCREENSHOT, fullPage: false });

  await row.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('Approved: 1 comment.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect.poll(() => countIn(pendingTab(page).textContent())).toBe(before - 1);
  if (before - 1 > 0) await expect(pendingBadge(page)).toHaveText(new RegExp(`^${before - 1}\\b`));
  else await expect(pendingBadge(page)).toHaveCount(0);

  // Reply as staff, from the Approved tab.
  await page.goto(`${CMS_URL}/admin/moderation?tab=approved&comment=${documentId}`);
  const approved = page.locator(`[data-comment="${documentId}"]`);
  await approved.getByRole('button', { name: 'Reply as staff' }).click();
  const reply = unique('Thanks for asking: yes, for its own reasons.');
  await approved.getByLabel(/Your reply to/).fill(reply);
  await approved.getByRole('button', { name: 'Publish reply' }).click();
  await expect(page.getByText(/Reply published under/)).toBeVisible();

  const after = (await (await request.get(`${CMS_URL}/api/comments/review/${REVIEW}?pageSize=100`)).json()) as {
    data: { documentId: string; replies: { body: string; isStaff: boolean; authorName: string }[] }[];
  };
  const answered = after.data.find((c) => c.documentId === documentId);
  expect(answered?.replies).toEqual([expect.objectContaining({ body: reply, isStaff: true, authorName: 'Mona Desk' })]);

  // The site shows it with a Staff badge once the change notice has refreshed the page.
  await expect
    .poll(
      async () => {
        const html = await (await request.get(`/reviews/${REVIEW}`)).text();
        return html.includes(reply) && html.includes('staff-badge');
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  await context.close();
});

test('an editor turns a question into a draft FAQ and lands on its edit view', async ({ browser, request }) => {
  const body = 'Does the film follow the 1986 original closely?';
  const documentId = await heldComment(request, body, 'Ayşe Reader');
  const editor = await inviteAdmin(request, {
    role: 'strapi-editor',
    firstname: 'Edith',
    lastname: 'Desk',
    password: PASSWORD,
  });
  const { context, page } = await adminBrowser(browser, { as: editor, context: DESK_VIEW });

  await page.goto(`${CMS_URL}/admin/moderation?tab=pending&comment=${documentId}`);
  const row = page.locator(`[data-comment="${documentId}"]`);
  await row.getByRole('button', { name: 'Make an FAQ' }).click();
  await expect(row.getByRole('checkbox', { name: /Credit Ayşe Reader/ })).toBeChecked();
  await row.getByRole('button', { name: 'Create draft FAQ' }).click();

  await page.waitForURL(/\/admin\/content-manager\/collection-types\/api::faq\.faq\/\w+/);
  await expect(page.getByRole('textbox', { name: /question/i })).toHaveValue(`${body} (asked by Ayşe Reader)`);
  await context.close();
});
