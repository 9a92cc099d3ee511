import { z } from 'zod';
import { genreSchema } from './genres';
import { optionalMedia } from './strapi';

/** Films are only read embedded in a review; the site has no film pages yet. */
export const filmSchema = z
  .object({
    id: z.number(),
    documentId: z.string(),
    title: z.string(),
    slug: z.string(),
    originalTitle: z.string().nullish(),
    year: z.number().int().nullish(),
    country: z.string().nullish(),
    language: z.string().nullish(),
    runtime: z.number().int().nullish(),
    directors: z.array(z.object({ id: z.number(), name: z.string() })).default([]),
    cast: z.array(z.object({ id: z.number(), name: z.string(), character: z.string().nullish() })).default([]),
    poster: optionalMedia,
    genres: z.array(genreSchema).default([]),
  })
  .transform((f) => ({
    id: f.documentId,
    title: f.title,
    slug: f.slug,
    originalTitle: f.originalTitle ?? null,
    year: f.year ?? null,
    country: f.country ?? null,
    language: f.language ?? null,
    runtimeMinutes: f.runtime ?? null,
    directors: f.directors.map((d) => d.name),
    cast: f.cast.map((c) => ({ name: c.name, character: c.character ?? null })),
    poster: f.poster,
    genres: f.genres,
  }));
export type Film = z.output<typeof filmSchema>;
