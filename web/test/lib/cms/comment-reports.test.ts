/** @jest-environment node */
import { postReport } from '@/lib/cms/comment-reports';
import { headerOf, jsonResponse, mockFetch, withCmsEnv } from '../../support/fixtures';

withCmsEnv();

describe('postReport', () => {
  it("posts the report with the web token and the reader's address", async () => {
    const calls = mockFetch(() => jsonResponse({ data: { comment: 'c1', reason: 'spam', note: null }, meta: {} }, 201));
    await expect(
      postReport({ comment: 'c1', reason: 'spam' }, { ip: '203.0.113.5', userAgent: 'UA/1' }),
    ).resolves.toEqual({ comment: 'c1', reason: 'spam' });
    expect(calls[0]?.url.href).toBe('http://cms.test/api/comment-reports');
    expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token');
    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBe('203.0.113.5');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ data: { comment: 'c1', reason: 'spam' } });
  });
});
