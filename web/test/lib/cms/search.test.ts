/** @jest-environment node */
import { cacheTag } from 'next/cache';
import { searchReviews } from '@/lib/cms/search';
import { resetEnvForTests } from '@/lib/env';
import { fixture, jsonResponse, mockFetch } from '../../support/fixtures';

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test';
  resetEnvForTests();
  jest.mocked(cacheTag).mockClear();
});

describe('searchReviews', () => {
  it('asks the CMS search endpoint for one page of ranked results, anonymously', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/search-results')));
    await searchReviews('cinema paradiso', 2);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url.pathname).toBe('/api/search');
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({
      q: 'cinema paradiso',
      page: '2',
      pageSize: '10',
    });
    expect(new Headers(calls[0]?.init?.headers).has('authorization')).toBe(false);
  });

  it('reshapes hits into result lines with their snippet segments, dropping empty segments', async () => {
    mockFetch(() => jsonResponse(fixture('contract/search-results')));
    const { hits, pagination } = await searchReviews('cinema');
    expect(pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 2 });
    expect(hits[0]).toMatchObject({
      id: 'buk0b4akz1mm1j8lvy7bo5vm',
      slug: 'cinema-paradiso-review',
      film: { title: 'Cinema Paradiso', year: 1988 },
      cover: { src: '/uploads/cinema_paradiso_review_cover_afee46fa6c.png' },
    });
    expect(hits[0]?.snippet).toEqual([
      { text: 'A boy in a Sicilian village falls for the ', highlight: false },
      { text: 'cinema', highlight: true },
      { text: ' and its <script>alert(1)</script> projectionist', highlight: false },
    ]);
    expect(hits[1]).toMatchObject({ excerpt: '', film: null, cover: null, snippet: [] });
    expect(hits[0]).not.toHaveProperty('documentId');
  });

  it('throws on an answer off the contract (a snippet sent as markup) rather than caching an empty page', async () => {
    mockFetch(() =>
      jsonResponse({
        data: [{ documentId: 'x', slug: 'x', title: 'X', snippet: '<mark>x</mark>' }],
        meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1 } },
      }),
    );
    await expect(searchReviews('x')).rejects.toMatchObject({ name: 'CmsError' });
  });

  it('is refreshed by changes to reviews and films, which are what a result line shows', async () => {
    mockFetch(() => jsonResponse(fixture('contract/search-results')));
    await searchReviews('cinema');
    expect(cacheTag).toHaveBeenCalledWith('reviews', 'films');
  });
});
