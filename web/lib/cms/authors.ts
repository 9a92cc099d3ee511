import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { cmsGet } from './client';
import { listEnvelope, optionalMedia, unpaginatedListEnvelope } from './strapi';
import { tags } from './tags';

export const authorSchema = z
  .object({
    id: z.number(),
    documentId: z.string(),
    name: z.string(),
    slug: z.string(),
    bio: z.string().nullish(),
    avatar: optionalMedia,
  })
  .transform(({ documentId, name, slug, bio, avatar }) => ({ id: documentId, name, slug, bio: bio ?? null, avatar }));
export type Author = z.output<typeof authorSchema>;

const authorListSchema = unpaginatedListEnvelope(authorSchema);

/** @throws {CmsError} */
export async function getAuthorBySlug(slug: string): Promise<Author | null> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.authors, tags.authorSlug(slug));
  const result = await cmsGet('/authors', authorListSchema, { query: { 'filters[slug][$eq]': slug } });
  const author = result?.data[0] ?? null;
  if (author) cacheTag(tags.author(author.id));
  return author;
}

const authorSlugListSchema = listEnvelope(z.object({ slug: z.string().min(1) }));

/** Every author's slug (the sitemap), in pages of the REST maximum. @throws {CmsError} */
export async function listAuthorSlugs(): Promise<string[]> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.authors);
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const result = await cmsGet('/authors', authorSlugListSchema, {
      query: { sort: 'slug:asc', 'fields[0]': 'slug', 'pagination[page]': page, 'pagination[pageSize]': 50 },
    });
    if (result === null) throw new Error('The authors endpoint answered 404');
    slugs.push(...result.data.map((a) => a.slug));
    if (page >= result.meta.pagination.pageCount) return slugs;
  }
}
