import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { cmsGet } from './client';
import { unpaginatedListEnvelope } from './strapi';
import { tags } from './tags';

export const genreSchema = z
  .object({ id: z.number(), documentId: z.string(), name: z.string(), slug: z.string() })
  .transform(({ documentId, name, slug }) => ({ id: documentId, name, slug }));
export type Genre = z.output<typeof genreSchema>;

const genreListSchema = unpaginatedListEnvelope(genreSchema);

/** @throws {CmsError} */
export async function getGenreBySlug(slug: string): Promise<Genre | null> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.genres, tags.genreSlug(slug));
  const result = await cmsGet('/genres', genreListSchema, { query: { 'filters[slug][$eq]': slug } });
  const genre = result?.data[0] ?? null;
  if (genre) cacheTag(tags.genre(genre.id));
  return genre;
}

/** @throws {CmsError} */
export async function listGenres(): Promise<Genre[]> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.genres);
  const result = await cmsGet('/genres', genreListSchema, { query: { sort: 'name:asc', 'pagination[pageSize]': 100 } });
  return result?.data ?? [];
}
