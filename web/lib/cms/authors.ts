import 'server-only'
import { cacheLife, cacheTag } from 'next/cache'
import { z } from 'zod'
import { cmsGet } from './client'
import { optionalMedia, unpaginatedListEnvelope } from './strapi'
import { tags } from './tags'

export const authorSchema = z
  .object({
    id: z.number(),
    documentId: z.string(),
    name: z.string(),
    slug: z.string(),
    bio: z.string().nullish(),
    avatar: optionalMedia,
  })
  .transform(({ documentId, name, slug, bio, avatar }) => ({ id: documentId, name, slug, bio: bio ?? null, avatar }))
export type Author = z.output<typeof authorSchema>

const authorListSchema = unpaginatedListEnvelope(authorSchema)

/** @throws {CmsError} */
export async function getAuthorBySlug(slug: string): Promise<Author | null> {
  'use cache'
  cacheLife('cms')
  cacheTag(tags.authors, tags.authorSlug(slug))
  const result = await cmsGet('/authors', authorListSchema, { query: { 'filters[slug][$eq]': slug } })
  const author = result?.data[0] ?? null
  if (author) cacheTag(tags.author(author.id))
  return author
}
