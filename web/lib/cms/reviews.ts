import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { authorSchema } from './authors';
import { blocksSchema } from './blocks';
import { cmsGet, type Query } from './client';
import { faqSchema } from './faqs';
import { filmSchema } from './films';
import { genreSchema } from './genres';
import { isoDate, listEnvelope, optionalMedia, type Pagination } from './strapi';
import { tags } from './tags';

export const REVIEWS_PAGE_SIZE = 10;

/** Stable, readable fragment ids for the table of contents. */
export function sectionAnchor(heading: string, id: number): string {
  const base = heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'section'}-${id}`;
}

const sectionSchema = z
  .object({ id: z.number(), heading: z.string(), body: blocksSchema, spoiler: z.boolean().default(false) })
  .transform((s) => ({ anchor: sectionAnchor(s.heading, s.id), heading: s.heading, body: s.body, spoiler: s.spoiler }));

const seoSchema = z
  .object({
    id: z.number().optional(),
    metaTitle: z.string().nullish(),
    metaDescription: z.string().nullish(),
    canonicalURL: z.string().nullish(),
    shareImage: optionalMedia,
  })
  .transform((s) => ({
    title: s.metaTitle || null,
    description: s.metaDescription || null,
    canonicalUrl: s.canonicalURL && /^https?:\/\//.test(s.canonicalURL) ? s.canonicalURL : null,
    image: s.shareImage,
  }));

export const reviewSchema = z
  .object({
    id: z.number(),
    documentId: z.string(),
    title: z.string(),
    slug: z.string(),
    excerpt: z.string().nullish(),
    // An essay, a news piece or a list carries no critic's rating.
    rating: z.number().nullable(),
    bestRating: z.number().int(),
    worstRating: z.number().int(),
    verdict: z.string().nullish(),
    commentsOpen: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
    publishedAt: isoDate.nullable(),
    firstPublishedAt: isoDate.nullish(),
    cover: optionalMedia,
    film: filmSchema.nullish(),
    author: authorSchema.nullish(),
    genres: z.array(genreSchema).default([]),
    sections: z.array(sectionSchema).default([]),
    faqs: z.array(faqSchema).default([]),
    seo: seoSchema.nullish(),
  })
  .transform((r) => ({
    id: r.documentId,
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt ?? '',
    rating: r.rating === null ? null : { value: r.rating, best: r.bestRating, worst: r.worstRating },
    verdict: r.verdict ?? null,
    commentsOpen: r.commentsOpen,
    /**
     * When readers first saw it: kept by the CMS through republishes (a typo fixed is not a new review). Null only for
     * a draft seen in preview.
     */
    publishedAt: r.publishedAt ? (r.firstPublishedAt ?? r.publishedAt) : null,
    updatedAt: r.updatedAt,
    cover: r.cover,
    film: r.film ?? null,
    author: r.author ?? null,
    genres: r.genres,
    sections: r.sections,
    faqs: r.faqs.toSorted((a, b) => a.order - b.order),
    seo: r.seo ?? null,
  }));
export type Review = z.output<typeof reviewSchema>;
export type ReviewSection = Review['sections'][number];

const reviewListSchema = listEnvelope(reviewSchema);

export type ReviewPage = { reviews: Review[]; pagination: Pagination };

async function fetchReviewList(query: Query): Promise<ReviewPage> {
  const result = await cmsGet('/reviews', reviewListSchema, { query: { sort: 'publishedAt:desc', ...query } });
  if (result === null) throw new Error('The reviews endpoint answered 404');
  return { reviews: result.data, pagination: result.meta.pagination };
}

function tagEmbedded(review: Review): void {
  cacheTag(
    tags.review(review.id),
    tags.reviewSlug(review.slug),
    ...(review.film ? [tags.film(review.film.id)] : []),
    ...(review.author ? [tags.author(review.author.id)] : []),
    ...review.genres.map((g) => tags.genre(g.id)),
  );
}

function pageQuery(page: number, pageSize = REVIEWS_PAGE_SIZE): Query {
  return { 'pagination[page]': page, 'pagination[pageSize]': pageSize };
}

/** Newest first. @throws {CmsError} */
export async function listReviews(page = 1, pageSize = REVIEWS_PAGE_SIZE): Promise<ReviewPage> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.reviews, tags.films, tags.authors, tags.genres);
  return fetchReviewList(pageQuery(page, pageSize));
}

/**
 * One review by slug, or null. With `draft` (the editor's preview) the latest draft is read with the web
 * server's token; Next skips the cache in draft mode, so a draft never lands in a reader's cache.
 * @throws {CmsError}
 */
export async function getReviewBySlug(
  slug: string,
  { draft = false }: { draft?: boolean } = {},
): Promise<Review | null> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.reviewSlug(slug));
  const result = await cmsGet('/reviews', reviewListSchema, {
    query: { 'filters[slug][$eq]': slug, ...pageQuery(1, 1), ...(draft ? { status: 'draft' } : {}) },
    auth: draft,
  });
  const review = result?.data[0] ?? null;
  if (review) tagEmbedded(review);
  return review;
}

/** @throws {CmsError} */
export async function listReviewsByGenre(genreSlug: string, page = 1): Promise<ReviewPage> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.reviews, tags.films, tags.authors, tags.genres);
  return fetchReviewList({ 'filters[genres][slug][$eq]': genreSlug, ...pageQuery(page) });
}

/** @throws {CmsError} */
export async function listReviewsByAuthor(authorSlug: string, page = 1): Promise<ReviewPage> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.reviews, tags.films, tags.authors, tags.genres);
  return fetchReviewList({ 'filters[author][slug][$eq]': authorSlug, ...pageQuery(page) });
}

const sitemapEntrySchema = z.object({ slug: z.string().min(1), updatedAt: isoDate });
export type SitemapEntry = z.infer<typeof sitemapEntrySchema>;
const sitemapListSchema = listEnvelope(sitemapEntrySchema);

/**
 * Published reviews' slug and last change, newest first, `pageSize` per page: what a sitemap needs and nothing else,
 * in one CMS read of an index-ordered page (GET /api/sitemap/reviews, cms/src/api/sitemap).
 * @throws {CmsError}
 */
export async function listReviewSitemapEntries(
  page: number,
  pageSize: number,
): Promise<{ entries: SitemapEntry[]; pagination: Pagination }> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.reviews);
  const result = await cmsGet('/sitemap/reviews', sitemapListSchema, { query: { page, pageSize } });
  if (result === null) throw new Error('The sitemap endpoint answered 404');
  return { entries: result.data, pagination: result.meta.pagination };
}
