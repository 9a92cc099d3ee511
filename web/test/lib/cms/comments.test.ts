/** @jest-environment node */
import { countComments, getApprovedComments, getCommentPage, postComment, safeWebsite } from '@/lib/cms/comments';
import { fixture, headerOf, jsonResponse, mockFetch, withCmsEnv } from '../../support/fixtures';

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));

withCmsEnv();

describe('getApprovedComments', () => {
  it('reshapes the captured thread into nested comments with depth', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('captured/comments-thread')));
    const thread = await getApprovedComments('miracle-in-cell-no-7-review');
    expect(calls[0]?.url.pathname).toBe('/api/comments/review/miracle-in-cell-no-7-review');
    expect(calls[0]?.url.searchParams.get('page')).toBe('1');
    const first = thread?.comments[0];
    expect(first).toMatchObject({ id: expect.any(String), authorName: expect.any(String), depth: 1 });
    expect(first?.replies[0]?.depth).toBe(2);
    expect(countComments(thread?.comments ?? [])).toBeGreaterThan(thread?.comments.length ?? 0);
  });

  it('returns null when the review is unknown or unpublished', async () => {
    mockFetch(() => jsonResponse(fixture('captured/comments-unknown-review'), 404));
    await expect(getApprovedComments('no-such-review')).resolves.toBeNull();
  });

  it('never lets an email or an unsafe website through, even if the CMS sent one', async () => {
    mockFetch(() =>
      jsonResponse({
        data: [
          {
            documentId: 'c1',
            authorName: 'Eve',
            authorEmail: 'eve@example.com',
            authorWebsite: 'javascript:alert(1)',
            body: '<b>hi</b>',
            createdAt: '2026-11-24T20:39:42.114Z',
            replies: [],
          },
        ],
        meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 1 } },
      }),
    );
    const thread = await getApprovedComments('x');
    expect(JSON.stringify(thread)).not.toContain('eve@example.com');
    expect(thread?.comments[0]?.website).toBeNull();
    expect(thread?.comments[0]?.body).toBe('<b>hi</b>');
  });
});

describe('getCommentPage', () => {
  it("asks for the comment's page at the site's page size", async () => {
    const calls = mockFetch(() => jsonResponse({ data: { documentId: 'c1', page: 3 }, meta: {} }));
    await expect(getCommentPage('a review', 'c1')).resolves.toBe(3);
    expect(calls[0]?.url.pathname).toBe('/api/comments/review/a%20review/c1');
    expect(calls[0]?.url.searchParams.get('pageSize')).toBe('20');
  });

  it('returns null for a comment readers cannot see there', async () => {
    mockFetch(() =>
      jsonResponse(
        {
          data: null,
          error: { status: 404, name: 'NotFoundError', message: 'This comment is not shown on this review.' },
        },
        404,
      ),
    );
    await expect(getCommentPage('x', 'gone')).resolves.toBeNull();
  });

  it('refuses an answer without a page', async () => {
    mockFetch(() => jsonResponse({ data: { documentId: 'c1', page: 0 }, meta: {} }));
    await expect(getCommentPage('x', 'c1')).rejects.toThrow(/Unexpected CMS response/);
  });
});

describe('safeWebsite', () => {
  it.each([
    ['https://a.example.org', 'https://a.example.org/'],
    ['http://a.example.org/x', 'http://a.example.org/x'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    [null, null],
  ])('%s -> %s', (input, expected) => {
    expect(safeWebsite(input)).toBe(expected);
  });
});

describe('postComment', () => {
  const comment = {
    authorName: 'Ada Reader',
    authorEmail: 'ada@example.org',
    body: 'Hello',
    review: 'rvw1',
    honeypot: '',
    formToken: '1764000000000.abc',
  };

  it('posts with the bearer token and the reader IP and user agent headers', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201));
    const created = await postComment(comment, { ip: '203.0.113.9', userAgent: 'TestBrowser/1.0' });
    expect(created).toEqual({
      id: 'k2c8pending0000000000001',
      authorName: 'Ada Reader',
      body: expect.stringContaining('projection'),
      createdAt: '2026-11-24T21:00:00.000Z',
      parent: null,
      moderationStatus: 'pending',
    });
    expect(calls[0]?.url.pathname).toBe('/api/comments');
    expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token');
    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBe('203.0.113.9');
    expect(headerOf(calls[0], 'x-marquee-client-ua')).toBe('TestBrowser/1.0');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ data: comment });
  });

  it('surfaces a flood refusal as a CmsError with status 429', async () => {
    mockFetch(() =>
      jsonResponse(
        { data: null, error: { status: 429, name: 'TooManyRequestsError', message: 'Too many comments' } },
        429,
      ),
    );
    await expect(postComment(comment, { ip: null, userAgent: null })).rejects.toMatchObject({
      name: 'CmsError',
      status: 429,
    });
  });
});

describe('getApprovedComments: staff replies and FAQ links', () => {
  it('keeps the staff flag and the FAQ documentId, and nothing else of the FAQ', async () => {
    mockFetch(() =>
      jsonResponse({
        data: [
          {
            documentId: 'q1',
            authorName: 'Ayşe',
            authorWebsite: null,
            body: 'Worth it?',
            createdAt: '2026-11-24T20:39:42.114Z',
            isStaff: false,
            faq: { documentId: 'faq1', question: 'secret draft question', publishedAt: null },
            replies: [
              {
                documentId: 's1',
                authorName: 'Mo',
                body: 'Yes',
                createdAt: '2026-11-24T20:40:42.114Z',
                isStaff: true,
                faq: null,
                replies: [],
              },
            ],
          },
        ],
        meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 1 } },
      }),
    );
    const thread = await getApprovedComments('x');
    expect(thread?.comments[0]).toMatchObject({ isStaff: false, faqId: 'faq1' });
    expect(thread?.comments[0]?.replies[0]).toMatchObject({ isStaff: true, faqId: null });
    expect(JSON.stringify(thread)).not.toContain('secret draft question');
  });
});

describe("getApprovedComments: the readers' score", () => {
  const thread = (readerRating: unknown, rating: unknown = 4) =>
    jsonResponse({
      data: [
        {
          documentId: 'c1',
          authorName: 'Bea',
          authorWebsite: null,
          body: 'x',
          createdAt: '2026-11-24T20:39:42.114Z',
          rating,
          replies: [],
        },
      ],
      meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 1 }, readerRating },
    });

  it("reads the average and count, and each comment's own stars", async () => {
    mockFetch(() => thread({ average: 4.2, count: 37 }));
    const result = await getApprovedComments('x');
    expect(result?.readerRating).toEqual({ average: 4.2, count: 37 });
    expect(result?.comments[0]?.rating).toBe(4);
  });

  it('reads no score below the minimum (null) or from an older CMS (absent)', async () => {
    mockFetch(() => thread(null, null));
    expect((await getApprovedComments('x'))?.readerRating).toBeNull();
    mockFetch(() => thread(undefined, null));
    expect((await getApprovedComments('y'))?.readerRating).toBeNull();
  });

  it('refuses a malformed score rather than showing it', async () => {
    mockFetch(() => thread({ average: 9, count: 3 }));
    await expect(getApprovedComments('z')).rejects.toThrow();
  });
});
