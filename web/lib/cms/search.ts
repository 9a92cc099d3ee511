import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { cmsGet } from './client';
import { listEnvelope, optionalMedia, type Pagination } from './strapi';
import { tags } from './tags';

export const SEARCH_PAGE_SIZE = 10;

/**
 * One piece of a result's snippet. The CMS marks where the terms matched by splitting the text into segments
 * instead of sending markup, so the data never decides what HTML the page contains.
 */
const snippetSegmentSchema = z.object({ text: z.string(), highlight: z.boolean() });
export type SnippetSegment = z.infer<typeof snippetSegmentSchema>;

/** The CMS's full-text search answer (GET /api/search): ranked by relevance, only what a result line shows. */
export const searchHitSchema = z
  .object({
    documentId: z.string().min(1),
    slug: z.string().min(1),
    title: z.string(),
    excerpt: z.string().nullish(),
    film: z.object({ title: z.string(), year: z.number().int().nullish() }).nullish(),
    cover: optionalMedia,
    snippet: z.array(snippetSegmentSchema).default([]),
  })
  .transform((h) => ({
    id: h.documentId,
    slug: h.slug,
    title: h.title,
    excerpt: h.excerpt ?? '',
    film: h.film ? { title: h.film.title, year: h.film.year ?? null } : null,
    cover: h.cover,
    // An empty segment would render an empty <mark>.
    snippet: h.snippet.filter((s) => s.text !== ''),
  }));
export type SearchHit = z.output<typeof searchHitSchema>;

const searchEnvelopeSchema = listEnvelope(searchHitSchema);

export type SearchPage = { hits: SearchHit[]; pagination: Pagination };

/**
 * Reviews matching `q` by relevance, page `page`. Cached per query and page like the page that shows it, and
 * refreshed by any change to what a result line shows (review, film).
 * @throws {CmsError}
 */
export async function searchReviews(q: string, page = 1, pageSize = SEARCH_PAGE_SIZE): Promise<SearchPage> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.reviews, tags.films);
  const result = await cmsGet('/search', searchEnvelopeSchema, { query: { q, page, pageSize } });
  if (result === null) throw new Error('The search endpoint answered 404');
  return { hits: result.data, pagination: result.meta.pagination };
}
