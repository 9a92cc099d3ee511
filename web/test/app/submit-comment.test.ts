/** @jest-environment node */
import { updateTag } from 'next/cache';
import { submitComment } from '@/app/reviews/[slug]/actions';
import { initialCommentFormState, messages } from '@/lib/comments/form';
import { createFormToken } from '@/lib/comments/form-token';
import { FLASH_COOKIE, readFlash } from '@/lib/comments/flash';
import { verifyCookie } from '@/lib/comments/signed-cookie';
import { decodePending } from '@/lib/comments/pending';
import { resetEnvForTests } from '@/lib/env';
import { fixture, headerOf, jsonResponse, mockFetch } from '../support/fixtures';

const cookieJar = new Map<string, { value: string; options: unknown }>();
let requestHeaders = new Headers();
/** The id inside the signed flash cookie the action set, as the reader's own page reads it. */
const flashId = () => verifyCookie(COOKIE_SECRET, FLASH_COOKIE, cookieJar.get(FLASH_COOKIE)?.value) ?? undefined;

jest.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
}));
jest.mock('next/cache', () => ({ updateTag: jest.fn(), cacheTag: jest.fn(), cacheLife: jest.fn() }));
jest.mock('next/headers', () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({
    set: (name: string, value: string, options: unknown) => cookieJar.set(name, { value, options }),
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)?.value } : undefined),
  }),
}));

const COOKIE_SECRET = 'cookie-secret-for-tests-000';
const target = { reviewId: 'rvw1', reviewSlug: 'heat-review', parentId: null };

const PROXY_SECRET = 'proxy-secret-for-the-web-tests';

function form(fields: Partial<Record<string, string>>): FormData {
  const data = new FormData();
  const all = {
    name: 'Ada Reader',
    email: 'ada@example.org',
    website: '',
    comment: 'Loved it.',
    formToken: createFormToken('form-secret-form-secret', 1764000000000),
    phone_number: '',
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) data.set(k, v);
  return data;
}

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test';
  process.env.CMS_API_TOKEN = 'web-token';
  process.env.COMMENT_COOKIE_SECRET = COOKIE_SECRET;
  process.env.SITE_URL = 'https://marquee.example';
  process.env.COMMENT_FORM_SECRET = 'form-secret-form-secret';
  process.env.TRUSTED_PROXY_HOPS = '1';
  process.env.TRUSTED_PROXY_SECRET = PROXY_SECRET;
  resetEnvForTests();
  cookieJar.clear();
  // A post made by the JS-enabled form carries Next's action header.
  requestHeaders = new Headers({
    'next-action': 'action-id',
    'x-forwarded-for': '10.0.0.1, 203.0.113.9',
    'x-marquee-proxy': PROXY_SECRET,
    'user-agent': 'TestBrowser/1.0',
  });
  jest.mocked(updateTag).mockClear();
});

describe('submitComment', () => {
  it('returns per-field errors and keeps every value when required fields are missing, without calling the CMS', async () => {
    const calls = mockFetch(() => jsonResponse({}, 500));
    const state = await submitComment(
      target,
      initialCommentFormState,
      form({ name: '', email: 'not-an-email', comment: '   ', website: 'ada.example.org' }),
    );
    expect(state.status).toBe('error');
    expect(state.message).toBe(messages.fixErrors);
    expect(state.fieldErrors).toEqual({
      name: messages.nameRequired,
      email: messages.emailInvalid,
      comment: messages.commentRequired,
    });
    expect(state.values).toEqual({
      name: '',
      email: 'not-an-email',
      website: 'ada.example.org',
      comment: '   ',
      rating: '',
    });
    expect(calls).toHaveLength(0);
  });

  it('posts to the CMS with the reader IP (as the trusted proxy wrote it) and user agent, then sets a signed pending cookie', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    const state = await submitComment(
      { ...target, parentId: 'parent1' },
      initialCommentFormState,
      form({ website: 'ada.example.org' }),
    );
    expect(state).toMatchObject({
      status: 'success',
      message: messages.awaitingModeration,
      values: { name: '', email: '', website: '', comment: '' },
    });

    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBe('203.0.113.9');
    expect(headerOf(calls[0], 'x-marquee-client-ua')).toBe('TestBrowser/1.0');
    const sent = JSON.parse(String(calls[0]?.init?.body));
    expect(sent.data).toMatchObject({
      authorName: 'Ada Reader',
      authorEmail: 'ada@example.org',
      authorWebsite: 'https://ada.example.org',
      body: 'Loved it.',
      review: 'rvw1',
      parent: 'parent1',
      honeypot: '',
    });
    expect(sent.data.formToken).toMatch(/^1764000000000\.[0-9a-f]{64}$/);

    const cookie = cookieJar.get('mq_pending');
    expect(cookie?.options).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/reviews/heat-review',
    });
    const pending = decodePending(COOKIE_SECRET, cookie?.value, 'rvw1');
    expect(pending).toMatchObject({ id: 'k2c8pending0000000000001', name: 'Ada Reader' });
    expect(JSON.stringify(pending)).not.toContain('ada@example.org');
    expect(updateTag).not.toHaveBeenCalled();
  });

  it('never believes an address the client wrote in front of the trusted hops', async () => {
    requestHeaders = new Headers({
      'next-action': 'action-id',
      'x-forwarded-for': '6.6.6.6, 198.51.100.7',
      'x-real-ip': '6.6.6.6',
      'x-marquee-proxy': PROXY_SECRET,
    });
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await submitComment(target, initialCommentFormState, form({}));
    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBe('198.51.100.7');
    expect(headerOf(calls[0], 'x-marquee-client-ua')).toBeNull();
  });

  it.each([
    ["without the proxy's secret", {}],
    ['with a wrong secret', { 'x-marquee-proxy': 'guessed-guessed-guessed' }],
    ['with an empty secret', { 'x-marquee-proxy': '' }],
  ])(
    'believes no X-Forwarded-For %s (a request straight to a replica)',
    async (_how, proof: Record<string, string>) => {
      requestHeaders = new Headers({ 'next-action': 'action-id', 'x-forwarded-for': '198.51.100.66', ...proof });
      const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
      await submitComment(target, initialCommentFormState, form({}));
      expect(calls).toHaveLength(1);
      expect(headerOf(calls[0], 'x-marquee-client-ip')).toBeNull();
    },
  );

  it('believes no X-Forwarded-For when this server knows no proxy secret', async () => {
    delete process.env.TRUSTED_PROXY_SECRET;
    resetEnvForTests();
    requestHeaders = new Headers({
      'next-action': 'action-id',
      'x-forwarded-for': '198.51.100.66',
      'x-marquee-proxy': '',
    });
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await submitComment(target, initialCommentFormState, form({}));
    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBeNull();
  });

  it('refuses a post from another origin, whatever Host or X-Forwarded-Host say, and keeps the text', async () => {
    requestHeaders = new Headers({
      'next-action': 'action-id',
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example',
      host: 'evil.example',
    });
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    const state = await submitComment(target, initialCommentFormState, form({ comment: 'Mine' }));
    expect(state).toMatchObject({ status: 'error', message: messages.wrongOrigin, values: { comment: 'Mine' } });
    expect(calls).toHaveLength(0);
  });

  it("accepts a post from the site's own origin", async () => {
    requestHeaders = new Headers({
      'next-action': 'action-id',
      origin: 'https://marquee.example',
      'x-forwarded-for': '198.51.100.7',
    });
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    expect(await submitComment(target, initialCommentFormState, form({}))).toMatchObject({ status: 'success' });
    expect(calls).toHaveLength(1);
  });

  it('sends no address at all when no proxy is trusted', async () => {
    process.env.TRUSTED_PROXY_HOPS = '0';
    resetEnvForTests();
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await submitComment(target, initialCommentFormState, form({}));
    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBeNull();
  });

  it("prefers the reader's own stamp (set when they began to write) to a token in the form", async () => {
    const stamp = createFormToken('form-secret-form-secret', Date.now() - 60_000);
    cookieJar.set('mq_form', { value: stamp, options: {} });
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await submitComment(target, initialCommentFormState, form({ formToken: undefined }));
    expect(JSON.parse(String(calls[0]?.init?.body)).data.formToken).toBe(stamp);
  });

  it('ignores a forged stamp and asks the reader to post again when there is no token either', async () => {
    cookieJar.set('mq_form', { value: `${Date.now() - 60_000}.${'0'.repeat(64)}`, options: {} });
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    const state = await submitComment(target, initialCommentFormState, form({ formToken: undefined }));
    expect(state).toMatchObject({ status: 'error', message: messages.formExpired, values: { comment: 'Loved it.' } });
    expect(calls).toHaveLength(0);
  });

  it('passes the honeypot through so the CMS can refuse a bot', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await submitComment(target, initialCommentFormState, form({ phone_number: 'spam' }));
    expect(JSON.parse(String(calls[0]?.init?.body)).data.honeypot).toBe('spam');
  });

  it('refreshes the thread at once when the CMS approved the comment straight away', async () => {
    const created = JSON.parse(JSON.stringify(fixture('contract/comment-created')).replace('"pending"', '"approved"'));
    mockFetch(() => jsonResponse(created, 201));
    const state = await submitComment(target, initialCommentFormState, form({}));
    expect(state.message).toBe(messages.published);
    expect(updateTag).toHaveBeenCalledWith('comments:heat-review');
  });

  it("maps the CMS's per-field validation errors onto the form fields and keeps the values", async () => {
    mockFetch(() => jsonResponse(fixture('contract/comment-validation-error'), 400));
    const state = await submitComment(target, initialCommentFormState, form({ comment: 'Keep me' }));
    expect(state.fieldErrors).toEqual({
      email: 'Please enter a valid email address.',
      comment: 'Please write a comment.',
    });
    expect(state.values).toMatchObject({ email: 'ada@example.org', comment: 'Keep me' });
  });

  it.each([
    [403, messages.closed],
    [404, messages.notFound],
    [409, messages.duplicate],
    [429, messages.tooFast],
    [500, messages.unavailable],
  ])('explains a %i from the CMS and keeps what the reader typed', async (status, message) => {
    mockFetch(() => jsonResponse({ data: null, error: { status, name: 'Error', message: 'nope' } }, status));
    const state = await submitComment(target, initialCommentFormState, form({ comment: 'Keep me' }));
    expect(state).toMatchObject({
      status: 'error',
      message,
      values: { name: 'Ada Reader', email: 'ada@example.org', comment: 'Keep me' },
    });
    expect(cookieJar.size).toBe(0);
  });

  it('keeps what the reader typed when the CMS is down', async () => {
    mockFetch(() => Promise.reject(new TypeError('fetch failed')));
    const state = await submitComment(target, initialCommentFormState, form({ comment: 'Still here' }));
    expect(state).toMatchObject({ status: 'error', message: messages.unavailable, values: { comment: 'Still here' } });
  });

  it('asks the reader to post again when the form token is missing or malformed', async () => {
    const calls = mockFetch(() => jsonResponse({}, 500));
    const state = await submitComment(target, initialCommentFormState, form({ formToken: 'forged' }));
    expect(state).toMatchObject({ status: 'error', message: messages.formExpired, values: { comment: 'Loved it.' } });
    expect(calls).toHaveLength(0);
  });
});

describe('submitComment without JavaScript', () => {
  beforeEach(() => {
    requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.9' });
  });

  it('stashes the failed answer with everything typed and redirects back to the form', async () => {
    mockFetch(() =>
      jsonResponse({ data: null, error: { status: 429, name: 'TooManyRequestsError', message: 'slow down' } }, 429),
    );
    await expect(
      submitComment({ ...target, parentId: 'c9' }, initialCommentFormState, form({ comment: 'Keep me' })),
    ).rejects.toMatchObject({
      url: '/reviews/heat-review/reply/c9#respond',
    });
    const flash = await readFlash(flashId(), 'rvw1');
    expect(flash).toMatchObject({
      status: 'error',
      message: messages.tooFast,
      values: { comment: 'Keep me', email: 'ada@example.org' },
    });
    expect(cookieJar.get(FLASH_COOKIE)?.options).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/reviews/heat-review',
    });
    // Signed, with its expiry, so the caching proxy can tell it from a made-up one.
    expect(cookieJar.get(FLASH_COOKIE)?.value).toMatch(/^[0-9a-f-]{36}\.[0-9]{10}\.[0-9a-f]{64}$/);
    expect(await readFlash(flashId(), 'another-review')).toBeNull();
  });

  it('redirects to the comments after a successful post, where the pending comment shows', async () => {
    mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await expect(submitComment(target, initialCommentFormState, form({}))).rejects.toMatchObject({
      url: '/reviews/heat-review#comments',
    });
    expect(cookieJar.has('mq_pending')).toBe(true);
    expect((await readFlash(flashId(), 'rvw1'))?.message).toBe(messages.awaitingModeration);
  });
});

describe('submitComment and the email notification boxes', () => {
  it('asks the CMS for the notifications whose boxes are ticked, and for none otherwise', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    await submitComment(target, initialCommentFormState, form({ notifyReplies: 'on', notifyApproval: 'on' }));
    await submitComment(target, initialCommentFormState, form({ notifyApproval: 'on' }));
    await submitComment(target, initialCommentFormState, form({}));
    const sent = calls.map((call) => JSON.parse(String(call.init?.body)).data);
    expect(sent[0]).toMatchObject({ notifyReplies: true, notifyApproval: true });
    expect(sent[1]).toMatchObject({ notifyApproval: true });
    expect(sent[1]).not.toHaveProperty('notifyReplies');
    expect(sent[2]).not.toHaveProperty('notifyReplies');
    expect(sent[2]).not.toHaveProperty('notifyApproval');
  });

  it('keeps the boxes ticked in the answer to a failed post, with JavaScript off too', async () => {
    mockFetch(() => jsonResponse({}, 500));
    const state = await submitComment(
      target,
      initialCommentFormState,
      form({ email: 'nope', notifyReplies: 'on', notifyApproval: 'on' }),
    );
    expect(state).toMatchObject({ status: 'error', values: { notifyReplies: true, notifyApproval: true } });

    requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.9' });
    await expect(
      submitComment(target, initialCommentFormState, form({ email: 'nope', notifyReplies: 'on' })),
    ).rejects.toMatchObject({ url: '/reviews/heat-review#respond' });
    const flash = await readFlash(flashId(), 'rvw1');
    expect(flash).toMatchObject({
      status: 'error',
      message: messages.fixErrors,
      values: { email: 'nope', notifyReplies: true },
    });
    expect(flash?.values.notifyApproval).toBeUndefined();
  });
});
