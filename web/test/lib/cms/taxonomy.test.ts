/** @jest-environment node */
import { getAuthorBySlug } from '@/lib/cms/authors';
import { listSiteFaqs } from '@/lib/cms/faqs';
import { getGenreBySlug } from '@/lib/cms/genres';
import { resetEnvForTests } from '@/lib/env';
import { fixture, jsonResponse, mockFetch } from '../../support/fixtures';

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test';
  resetEnvForTests();
});

it('listSiteFaqs asks for FAQs without a review, in order, and reshapes them', async () => {
  const calls = mockFetch(() => jsonResponse(fixture('captured/faqs-site')));
  const faqs = await listSiteFaqs();
  expect(calls[0]?.url.searchParams.get('filters[review][$null]')).toBe('true');
  expect(calls[0]?.url.searchParams.get('sort')).toBe('order:asc');
  expect(faqs.length).toBeGreaterThan(0);
  expect(faqs[0]).toEqual({
    id: expect.any(String),
    question: expect.any(String),
    answer: expect.any(Array),
    order: expect.any(Number),
  });
  expect(faqs.map((f) => f.order)).toEqual([...faqs.map((f) => f.order)].sort((a, b) => a - b));
});

it('getGenreBySlug returns the genre in domain shape', async () => {
  const calls = mockFetch(() => jsonResponse(fixture('captured/genres-by-slug')));
  const genre = await getGenreBySlug('drama');
  expect(calls[0]?.url.searchParams.get('filters[slug][$eq]')).toBe('drama');
  expect(genre).toEqual({ id: expect.any(String), name: expect.any(String), slug: expect.any(String) });
});

it('getGenreBySlug returns null for an unknown slug', async () => {
  mockFetch(() => jsonResponse({ data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } } }));
  await expect(getGenreBySlug('nope')).resolves.toBeNull();
});

it('getAuthorBySlug returns the author with bio and avatar', async () => {
  mockFetch(() => jsonResponse(fixture('captured/authors-by-slug')));
  const author = await getAuthorBySlug('jun-park');
  expect(author).toEqual({
    id: expect.any(String),
    name: expect.any(String),
    slug: expect.any(String),
    bio: expect.anything(),
    avatar: null,
  });
});
