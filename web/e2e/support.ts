import { expect, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

export const REVIEW = process.env.E2E_REVIEW_SLUG ?? 'miracle-in-cell-no-7-review';
export const REVIEW_PATH = `/reviews/${REVIEW}`;
export const CMS_URL = process.env.E2E_CMS_URL ?? 'http://localhost:1337';
/** The admin panel as editors open it: on the site's own host, so that its preview pane can frame a draft. */
export const ADMIN_URL = process.env.E2E_ADMIN_URL ?? CMS_URL.replace('127.0.0.1', 'localhost');
const ADMIN = { email: process.env.E2E_ADMIN_EMAIL ?? '', password: process.env.E2E_ADMIN_PASSWORD ?? '' };

let counter = 0;
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${++counter}`;
/** Each reader has an address of its own (shared address space, RFC 6598), so the CMS's flood limit sees separate people. */
export const readerAddress = () =>
  `100.${64 + Math.floor(Math.random() * 64)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/**
 * How a reader's address reaches the web. Directly, the browser plays the one trusted proxy and writes
 * X-Forwarded-For. Through the caching proxy (E2E_TOPOLOGY=scaled), the proxy overwrites X-Forwarded-For with the
 * address it sees, which is loopback for every browser here; the test run's proxy stands for the readers' own
 * edge and believes X-Marquee-Test-Reader from loopback only (scripts/scaled.mjs, test mode).
 */
export const SCALED = process.env.E2E_TOPOLOGY === 'scaled';
export const readerHeaders = (address: string): Record<string, string> =>
  SCALED
    ? { 'x-marquee-test-reader': address }
    : { 'x-forwarded-for': address, 'x-marquee-proxy': process.env.E2E_PROXY_SECRET ?? '' };

/** A fresh browser profile for one reader: no cookies, no storage, its own address. */
export const newReader = async (
  browser: Browser,
  options: { javaScriptEnabled?: boolean; headers?: Record<string, string> } = {},
) => {
  const address = readerAddress();
  const { headers = {}, ...contextOptions } = options;
  const context = await browser.newContext({
    ...contextOptions,
    extraHTTPHeaders: { ...readerHeaders(address), ...headers },
  });
  return { context, page: await context.newPage(), address };
};

const stampAnswered = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/api/comment-token') && r.request().method() === 'POST');

/**
 * A reader starts writing: with JavaScript the form stamps that moment (its first focus; without JavaScript the
 * page's <noscript> image did), and a person then takes a while to write.
 */
export const beginWriting = async (page: Page, { javaScript = true, seconds = 3.2 } = {}) => {
  const comment = page.getByLabel(/^Comment/);
  if (javaScript) await Promise.all([stampAnswered(page), comment.focus()]);
  else await comment.focus();
  await page.waitForTimeout(seconds * 1000);
};

/**
 * Fills the comment form. Unless the test began writing already (`stamped`), a page with JavaScript first waits
 * for the stamp its first focus asks for: a person is slower than that answer, a test is not.
 */
export const fillComment = async (
  page: Page,
  values: { body: string; name: string; email: string; website?: string },
  { stamped = false } = {},
) => {
  const comment = page.getByLabel(/^Comment/);
  if (!stamped) await Promise.all([stampAnswered(page), comment.focus()]);
  await comment.fill(values.body);
  await page.getByLabel(/^Name/).fill(values.name);
  await page.getByLabel(/^Email/).fill(values.email);
  if (values.website) await page.getByLabel(/^Website/).fill(values.website);
};

let adminTokenOnce: Promise<string> | undefined;
/**
 * A token for the admin panel's own API, as the moderator's browser holds one: logged in once per test run, since
 * Strapi allows only a few logins per email and address in a while.
 */
export const adminToken = (request: APIRequestContext): Promise<string> =>
  (adminTokenOnce ??= (async () => {
    const login = await request.post(`${CMS_URL}/admin/login`, { data: ADMIN });
    expect(login.ok(), 'the admin login').toBe(true);
    return ((await login.json()) as { data: { token: string } }).data.token;
  })());

export type AdminCredentials = { email: string; password: string };

/** The admin API's authorization header, as the first admin's browser sends it. */
export const adminHeaders = async (request: APIRequestContext) => ({
  Authorization: `Bearer ${await adminToken(request)}`,
});

/** Logs in to the Strapi admin panel at `base`: as the first admin, or as `as`. */
export const adminLogin = async (
  page: Page,
  { as = ADMIN, base = CMS_URL }: { as?: AdminCredentials; base?: string } = {},
) => {
  expect(as.email, 'E2E_ADMIN_EMAIL is set by the root test runner').not.toBe('');
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name=email]', as.email);
  await page.fill('input[name=password]', as.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin(?!\/auth)/);
};

/**
 * An admin's browser, logged in (as the first admin unless `as` is given). Strapi shows a new admin a guided tour
 * over the panel; this one has already dismissed it (the admin keeps that choice in localStorage).
 */
export const adminBrowser = async (
  browser: Browser,
  { as, base, context: options }: { as?: AdminCredentials; base?: string; context?: BrowserContextOptions } = {},
) => {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    window.localStorage.setItem(
      'STRAPI_GUIDED_TOUR',
      JSON.stringify({ tours: {}, enabled: false, hidden: true, completedActions: [] }),
    );
  });
  const page = await context.newPage();
  await adminLogin(page, { as, base });
  return { context, page };
};

/** An admin user with the role `role` (a role code), invited and registered as Strapi's own flow does. */
export const inviteAdmin = async (
  request: APIRequestContext,
  { role, firstname, lastname, password }: { role: string; firstname: string; lastname: string; password: string },
): Promise<AdminCredentials> => {
  const headers = await adminHeaders(request);
  const roles = (await (await request.get(`${CMS_URL}/admin/roles`, { headers })).json()) as {
    data: { id: number; code: string }[];
  };
  const found = roles.data.find((r) => r.code === role);
  expect(found, `role ${role}`).toBeTruthy();
  const email = `${role}-${Date.now().toString(36)}@marquee.test`;
  const created = await request.post(`${CMS_URL}/admin/users`, {
    headers,
    data: { firstname, lastname, email, roles: [found?.id] },
  });
  expect(created.ok(), 'invite the admin').toBe(true);
  const { registrationToken } = ((await created.json()) as { data: { registrationToken: string } }).data;
  const registered = await request.post(`${CMS_URL}/admin/register`, {
    data: { registrationToken, userInfo: { firstname, lastname, password } },
  });
  expect(registered.ok(), 'register the admin').toBe(true);
  return { email, password };
};

/** Approves a comment in the admin panel: search the comment list, open the comment, set its status, save. */
export const approveInAdmin = async (page: Page, search: string) => {
  await page.goto(
    `${CMS_URL}/admin/content-manager/collection-types/api::comment.comment?_q=${encodeURIComponent(search)}`,
  );
  await expect(page.getByText('1 entry found')).toBeVisible();
  await page.locator('tbody tr').first().getByRole('gridcell').nth(1).click();
  await page.getByRole('combobox', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'approved' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved document')).toBeVisible();
};

/** Everything a page sends a reader: the HTML, and the RSC payload a client navigation fetches. */
export const everythingServed = async (request: APIRequestContext, path: string) => {
  const html = await (await request.get(path)).text();
  const rsc = await (await request.get(path, { headers: { RSC: '1' } })).text();
  return `${html}\n${rsc}`;
};
