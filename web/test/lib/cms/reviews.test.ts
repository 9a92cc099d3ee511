/** @jest-environment node */
import { cacheTag } from 'next/cache';
import { getReviewBySlug, listReviewSitemapEntries, listReviews, reviewSchema } from '@/lib/cms/reviews';
import { resetEnvForTests } from '@/lib/env';
import { fixture, headerOf, jsonResponse, mockFetch } from '../../support/fixtures';

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test';
  process.env.CMS_API_TOKEN = 'web-token';
  resetEnvForTests();
  jest.mocked(cacheTag).mockClear();
});

describe('listReviews', () => {
  it('reshapes the captured Strapi list into domain reviews with pagination', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('captured/reviews-list')));
    const { reviews, pagination } = await listReviews(1, 3);
    expect(reviews.length).toBeGreaterThan(0);
    const first = reviews[0];
    expect(first).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^[a-z0-9]+$/),
        slug: expect.any(String),
        title: expect.any(String),
        rating: { value: expect.any(Number), best: expect.any(Number), worst: expect.any(Number) },
        commentsOpen: expect.any(Boolean),
      }),
    );
    expect(first).not.toHaveProperty('documentId');
    expect(first).not.toHaveProperty('createdAt');
    expect(pagination).toEqual({ page: 1, pageSize: 3, pageCount: expect.any(Number), total: expect.any(Number) });
    expect(calls[0]?.url.searchParams.get('sort')).toBe('publishedAt:desc');
    expect(calls[0]?.url.searchParams.get('pagination[page]')).toBe('1');
    expect(calls[0]?.url.searchParams.get('pagination[pageSize]')).toBe('3');
    expect(calls[0]?.url.searchParams.has('populate')).toBe(false);
  });

  it('throws when the CMS answer does not match the contract rather than caching an empty page', async () => {
    mockFetch(() =>
      jsonResponse({
        data: [{ id: 1, title: 'missing everything' }],
        meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1 } },
      }),
    );
    await expect(listReviews()).rejects.toMatchObject({ name: 'CmsError' });
  });

  it('tags the list with the collections it shows', async () => {
    mockFetch(() => jsonResponse(fixture('captured/reviews-list')));
    await listReviews();
    expect(cacheTag).toHaveBeenCalledWith('reviews', 'films', 'authors', 'genres');
  });
});

describe('getReviewBySlug', () => {
  it('returns the review with sections, FAQs in order, film facts and SEO', async () => {
    mockFetch(() => jsonResponse(fixture('contract/review-full')));
    const review = await getReviewBySlug('heat-review');
    expect(review?.film).toMatchObject({ title: 'Heat', year: 1995, runtimeMinutes: 170, directors: ['Michael Mann'] });
    expect(review?.film?.cast).toEqual([
      { name: 'Al Pacino', character: 'Vincent Hanna' },
      { name: 'Robert De Niro', character: null },
    ]);
    expect(review?.sections.map((s) => [s.anchor, s.spoiler])).toEqual([
      ['plot-summary-11', false],
      ['the-ending-12', true],
    ]);
    expect(review?.faqs.map((f) => f.question)).toEqual(['Is the diner scene improvised?', 'Second question?']);
    expect(review?.cover).toEqual({
      src: '/uploads/heat_cover_1a2b3c.jpg',
      alt: 'Two men face each other across a diner table',
      width: 1600,
      height: 900,
      mime: 'image/jpeg',
      srcSet: null,
    });
    expect(review?.seo).toMatchObject({
      title: 'Heat (1995) review',
      description: 'Why Heat still matters.',
      canonicalUrl: null,
    });
  });

  it('parses the captured single-review answer', async () => {
    mockFetch(() => jsonResponse(fixture('captured/review-by-slug')));
    const review = await getReviewBySlug('any');
    expect(review).not.toBeNull();
    expect(review?.sections.length).toBeGreaterThan(0);
  });

  it("offers Strapi's resized copies of the cover as a srcset, narrowest first, the original last", async () => {
    mockFetch(() => jsonResponse(fixture('captured/review-by-slug')));
    const srcSet = (await getReviewBySlug('any'))?.cover?.srcSet ?? '';
    const widths = srcSet.split(', ').map((c) => Number(c.split(' ')[1]?.replace('w', '')));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(widths).toHaveLength(5);
    expect(srcSet).toMatch(/^\/uploads\/thumbnail_[^ ]+ \d+w, /);
    expect(srcSet.endsWith(' 1200w')).toBe(true);
  });

  it('returns null when no published review has the slug', async () => {
    mockFetch(() => jsonResponse(fixture('captured/review-by-slug-empty')));
    await expect(getReviewBySlug('no-such-review')).resolves.toBeNull();
  });

  it('reads published reviews anonymously and tags them by slug, id and embedded documents', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/review-full')));
    await getReviewBySlug('heat-review');
    expect(calls[0]?.url.searchParams.get('filters[slug][$eq]')).toBe('heat-review');
    expect(calls[0]?.url.searchParams.has('status')).toBe(false);
    expect(headerOf(calls[0], 'authorization')).toBeNull();
    const tagged = jest.mocked(cacheTag).mock.calls.flat();
    expect(tagged).toEqual(
      expect.arrayContaining([
        'review-slug:heat-review',
        'review:rvw0000000000000000full1',
        'film:flm0000000000000000heat1',
        'author:aut00000000000000000mara',
        'genre:gnr000000000000000crime1',
      ]),
    );
  });

  it('asks for the draft with the token in preview', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/review-full')));
    await getReviewBySlug('heat-review', { draft: true });
    expect(calls[0]?.url.searchParams.get('status')).toBe('draft');
    expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token');
  });
});

describe('reviewSchema', () => {
  it('neutralises javascript: links inside blocks', () => {
    const raw = fixture('contract/review-full');
    const data =
      typeof raw === 'object' && raw !== null && 'data' in raw && Array.isArray(raw.data) ? raw.data[0] : null;
    const review = reviewSchema.parse(data);
    expect(JSON.stringify(review.sections)).not.toContain('javascript:');
  });

  it('drops a media URL that is neither an upload path nor https', () => {
    const raw = fixture('contract/review-full');
    const data =
      typeof raw === 'object' && raw !== null && 'data' in raw && Array.isArray(raw.data) ? raw.data[0] : null;
    const review = reviewSchema.parse({ ...data, cover: { id: 1, url: 'javascript:alert(1)', mime: 'image/png' } });
    expect(review.cover).toBeNull();
  });

  it("reads a draft whose FAQ has no answer yet (a question from the desk), as the editor's preview shows it", () => {
    const raw = fixture('contract/review-full');
    const data =
      typeof raw === 'object' && raw !== null && 'data' in raw && Array.isArray(raw.data) ? raw.data[0] : null;
    const unanswered = {
      id: 99,
      documentId: 'faq-draft',
      question: 'Is it based on a true story?',
      answer: null,
      order: 9,
    };
    const review = reviewSchema.parse({ ...data, publishedAt: null, faqs: [unanswered] });
    expect(review.faqs).toEqual([{ id: 'faq-draft', question: 'Is it based on a true story?', answer: [], order: 9 }]);
  });
});

describe('listReviewSitemapEntries', () => {
  it('reads one index-ordered page of slugs and dates from the sitemap endpoint, in one request', async () => {
    const calls = mockFetch(() =>
      jsonResponse({
        data: [{ slug: 'heat-review', updatedAt: '2026-11-24T20:39:42.114Z' }],
        meta: { pagination: { page: 2, pageSize: 5000, pageCount: 3, total: 12001 } },
      }),
    );
    const { entries, pagination } = await listReviewSitemapEntries(2, 5000);
    expect(entries).toEqual([{ slug: 'heat-review', updatedAt: '2026-11-24T20:39:42.114Z' }]);
    expect(pagination.total).toBe(12001);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url.pathname).toBe('/api/sitemap/reviews');
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ page: '2', pageSize: '5000' });
    expect(cacheTag).toHaveBeenCalledWith('reviews');
  });

  it('throws when the CMS has no sitemap endpoint rather than caching an empty sitemap', async () => {
    mockFetch(() =>
      jsonResponse({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }, 404),
    );
    await expect(listReviewSitemapEntries(1, 5000)).rejects.toThrow('The sitemap endpoint answered 404');
  });
});
