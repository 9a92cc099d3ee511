/** @jest-environment node */
import { GET } from '@/app/api/preview/route';
import { resetEnvForTests } from '@/lib/env';
import { fixture, headerOf, jsonResponse, mockFetch } from '../support/fixtures';

const draft = { enable: jest.fn(), disable: jest.fn(), isEnabled: false };
const jar = { set: jest.fn(), delete: jest.fn() };
jest.mock('next/headers', () => ({ draftMode: async () => draft, cookies: async () => jar }));
jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));
jest.mock('next/navigation', () => ({
  unstable_rethrow: () => undefined,
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
}));

const SECRET = 'preview-secret-for-tests';

beforeEach(() => {
  process.env.PREVIEW_SECRET = SECRET;
  process.env.CMS_API_TOKEN = 'web-token';
  process.env.CMS_URL = 'http://cms.test';
  process.env.COMMENT_COOKIE_SECRET = 'cookie-secret-for-tests-000';
  resetEnvForTests();
  draft.enable.mockClear();
  draft.disable.mockClear();
  jar.set.mockClear();
  jar.delete.mockClear();
});

const call = (query: string) => GET(new Request(`http://web.test/api/preview?${query}`));

it('refuses a wrong secret without enabling draft mode', async () => {
  const calls = mockFetch(() => jsonResponse({}));
  const res = await call('secret=nope&slug=heat-review&status=draft');
  expect(res.status).toBe(401);
  expect(draft.enable).not.toHaveBeenCalled();
  expect(calls).toHaveLength(0);
});

it('enables draft mode and redirects to the draft review read with the token', async () => {
  const calls = mockFetch(() => jsonResponse(fixture('contract/review-full')));
  await expect(call(`secret=${SECRET}&slug=heat-review&status=draft`)).rejects.toMatchObject({
    url: '/reviews/heat-review',
  });
  expect(draft.enable).toHaveBeenCalled();
  // The signed pass that lets the editor past the caching proxy (Next's own draft cookie cannot be checked there).
  expect(jar.set).toHaveBeenCalledWith(
    'mq_draft',
    expect.stringMatching(/^1\.[0-9]{10}\.[0-9a-f]{64}$/),
    expect.objectContaining({ httpOnly: true, path: '/', maxAge: 28_800 }),
  );
  expect(calls[0]?.url.searchParams.get('status')).toBe('draft');
  expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token');
});

it('answers 404 for a slug with no draft', async () => {
  mockFetch(() => jsonResponse(fixture('captured/review-by-slug-empty')));
  expect((await call(`secret=${SECRET}&slug=nope&status=draft`)).status).toBe(404);
  expect(draft.enable).not.toHaveBeenCalled();
});

it('rejects a slug that could redirect elsewhere', async () => {
  expect((await call(`secret=${SECRET}&slug=${encodeURIComponent('//evil.example')}`)).status).toBe(400);
});

it('leaves draft mode for status=published', async () => {
  await expect(call(`secret=${SECRET}&slug=heat-review&status=published`)).rejects.toMatchObject({
    url: '/reviews/heat-review',
  });
  expect(draft.disable).toHaveBeenCalled();
  expect(jar.delete).toHaveBeenCalledWith('mq_draft');
  expect(draft.enable).not.toHaveBeenCalled();
});

it('answers 503 without enabling draft mode when the CMS refuses the token', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  mockFetch(() =>
    jsonResponse(
      { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } },
      401,
    ),
  );
  expect((await call(`secret=${SECRET}&slug=heat-review&status=draft`)).status).toBe(503);
  expect(draft.enable).not.toHaveBeenCalled();
});
