/** @jest-environment node */
import { POST as confirm } from '@/app/api/mail/confirm/route';
import { GET as unsubscribePage, POST as unsubscribe } from '@/app/api/mail/unsubscribe/route';
import { jsonResponse, mockFetch, withCmsEnv } from '../support/fixtures';

const TOKEN = 'B'.repeat(80);
const SITE = 'https://marquee.example';

withCmsEnv();

const formPost = (url: string, fields: Record<string, string>) =>
  new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('/api/mail/unsubscribe', () => {
  it('answers a mail client’s one-click POST (RFC 8058) with a plain, uncached 200, using the token in the URL', async () => {
    const calls = mockFetch(() => jsonResponse({ data: { status: 'unsubscribed' } }));
    const response = await unsubscribe(
      formPost(`${SITE}/api/mail/unsubscribe?token=${TOKEN}`, { 'List-Unsubscribe': 'One-Click' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toMatch(/^Unsubscribed/);
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ data: { token: TOKEN } });
  });

  it('answers 400 to a one-click POST with a refused token, and 503 when the CMS is down', async () => {
    mockFetch(() => jsonResponse({ error: { status: 400, message: 'no', details: { reason: 'invalid' } } }, 400));
    expect(
      (await unsubscribe(formPost(`${SITE}/api/mail/unsubscribe?token=${TOKEN}`, { 'List-Unsubscribe': 'One-Click' })))
        .status,
    ).toBe(400);
    mockFetch(() => {
      throw new TypeError('fetch failed');
    });
    expect(
      (await unsubscribe(formPost(`${SITE}/api/mail/unsubscribe?token=${TOKEN}`, { 'List-Unsubscribe': 'One-Click' })))
        .status,
    ).toBe(503);
  });

  it.each([
    ['no body', undefined],
    ['another value', 'List-Unsubscribe=Yes'],
    ['a JSON body', '{"List-Unsubscribe":"One-Click"}'],
  ])(
    'refuses a POST to the link with %s (RFC 8058 asks for List-Unsubscribe=One-Click), changing nothing',
    async (_what, body) => {
      const calls = mockFetch(() => jsonResponse({ data: { status: 'unsubscribed' } }));
      const response = await unsubscribe(
        new Request(`${SITE}/api/mail/unsubscribe?token=${TOKEN}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        }),
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('A one-click unsubscribe must send List-Unsubscribe=One-Click.');
      expect(calls).toHaveLength(0);
    },
  );

  it('sends the site’s own page back to itself with the result', async () => {
    mockFetch(() => jsonResponse({ data: { status: 'unsubscribed' } }));
    const response = await unsubscribe(formPost(`${SITE}/api/mail/unsubscribe`, { token: TOKEN, from: 'page' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/mail/unsubscribe?result=unsubscribed');
  });

  it('shows a person who opens the link the page with its button, changing nothing', async () => {
    const calls = mockFetch(() => jsonResponse({}, 500));
    const response = unsubscribePage(new Request(`${SITE}/api/mail/unsubscribe?token=${TOKEN}`));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/mail/unsubscribe?token=${TOKEN}`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(calls).toHaveLength(0);
  });
});

describe('/api/mail/confirm', () => {
  it('confirms from the page’s form and shows the result', async () => {
    const calls = mockFetch(() => jsonResponse({ data: { status: 'confirmed' } }));
    const response = await confirm(formPost(`${SITE}/api/mail/confirm`, { token: TOKEN, from: 'page' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/mail/confirm?result=confirmed');
    expect(calls[0]?.url.pathname).toBe('/api/mail/confirm');
  });

  it('shows an expired link as expired', async () => {
    mockFetch(() => jsonResponse({ error: { status: 400, message: 'old', details: { reason: 'expired' } } }, 400));
    const response = await confirm(formPost(`${SITE}/api/mail/confirm`, { token: TOKEN }));
    expect(response.headers.get('location')).toBe('/mail/confirm?result=expired');
  });
});
