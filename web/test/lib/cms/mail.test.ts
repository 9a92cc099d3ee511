/** @jest-environment node */
import { confirmAddress, resultParam, unsubscribeAddress } from '@/lib/cms/mail';
import { CmsError } from '@/lib/cms/client';
import { headerOf, jsonResponse, mockFetch, withCmsEnv } from '../../support/fixtures';

const TOKEN = 'A'.repeat(80);

withCmsEnv();

describe('confirmAddress and unsubscribeAddress', () => {
  it('forward the token to the CMS with the web token and return its verdict', async () => {
    const calls = mockFetch((url) =>
      jsonResponse({ data: { status: url.pathname.endsWith('confirm') ? 'confirmed' : 'unsubscribed' } }),
    );
    await expect(confirmAddress(TOKEN)).resolves.toBe('confirmed');
    await expect(unsubscribeAddress(TOKEN)).resolves.toBe('unsubscribed');
    expect(calls.map((call) => call.url.pathname)).toEqual(['/api/mail/confirm', '/api/mail/unsubscribe']);
    expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ data: { token: TOKEN } });
  });

  it('return the reason the CMS refused a token for', async () => {
    mockFetch(() =>
      jsonResponse(
        {
          data: null,
          error: { status: 400, name: 'ValidationError', message: 'expired', details: { reason: 'expired' } },
        },
        400,
      ),
    );
    await expect(confirmAddress(TOKEN)).resolves.toBe('expired');
  });

  it('refuse a malformed token without asking the CMS', async () => {
    const calls = mockFetch(() => jsonResponse({}, 500));
    await expect(unsubscribeAddress('not a token')).resolves.toBe('invalid');
    await expect(unsubscribeAddress('')).resolves.toBe('invalid');
    expect(calls).toHaveLength(0);
  });

  it('throw a CmsError when the CMS fails otherwise', async () => {
    mockFetch(() =>
      jsonResponse({ data: null, error: { status: 500, name: 'InternalServerError', message: 'boom' } }, 500),
    );
    await expect(confirmAddress(TOKEN)).rejects.toBeInstanceOf(CmsError);
  });
});

it('resultParam accepts only the results a page can show', () => {
  expect(resultParam('confirm', 'confirmed')).toBe('confirmed');
  expect(resultParam('unsubscribe', 'unsubscribed')).toBe('unsubscribed');
  expect(resultParam('unsubscribe', 'unavailable')).toBe('unavailable');
  expect(resultParam('unsubscribe', 'confirmed')).toBeNull();
  expect(resultParam('confirm', 'unsubscribed')).toBeNull();
  expect(resultParam('confirm', '<script>')).toBeNull();
  expect(resultParam('confirm', ['confirmed'])).toBeNull();
  expect(resultParam('unsubscribe', undefined)).toBeNull();
});
