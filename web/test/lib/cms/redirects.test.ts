/** @jest-environment node */
import { findRedirect } from '@/lib/cms/redirects';
import { resetEnvForTests } from '@/lib/env';
import { jsonResponse, mockFetch } from '../../support/fixtures';

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test';
  resetEnvForTests();
});

it('asks the CMS where an old path leads and answers its redirect', async () => {
  const calls = mockFetch(() => jsonResponse({ data: { status: 301, location: '/reviews/the-host-2006' } }));
  expect(await findRedirect('/reviews/the-host-a')).toEqual({ status: 301, location: '/reviews/the-host-2006' });
  const url = calls[0]?.url ?? new URL('http://none');
  expect(url.pathname).toBe('/api/redirects/resolve');
  expect(url.searchParams.get('path')).toBe('/reviews/the-host-a');
});

it('keeps an answer a second, so a busy page asks the CMS once a second at most', async () => {
  const calls = mockFetch(() => jsonResponse({ error: { status: 404, message: 'No redirect for that path' } }, 404));
  expect(await findRedirect('/reviews/a-live-review')).toBeNull();
  expect(await findRedirect('/reviews/a-live-review')).toBeNull();
  expect(calls).toHaveLength(1);
});

it('answers 410 for a deleted review', async () => {
  mockFetch(() => jsonResponse({ data: { status: 410 } }));
  expect(await findRedirect('/reviews/deleted-one')).toEqual({ status: 410 });
});

it('is no redirect when the CMS is down or answers something else', async () => {
  mockFetch(() => Promise.reject(new TypeError('fetch failed')));
  expect(await findRedirect('/2019/05/old-post')).toBeNull();
  mockFetch(() => jsonResponse({ data: { status: 200, location: 'https://evil.example/' } }));
  expect(await findRedirect('/2019/06/other-post')).toBeNull();
});
