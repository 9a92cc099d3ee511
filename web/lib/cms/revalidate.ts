import 'server-only';
import { revalidateTag } from 'next/cache';
import { z } from 'zod';
import { hmacSha256Hex, safeEqual } from '@/lib/crypto';
import { tags } from './tags';

/** The CMS's webhook body (docs/cms-api.md, "Revalidation"). */
export const cmsEventSchema = z.object({
  model: z.enum(['review', 'faq', 'comment', 'film', 'author', 'genre']),
  event: z.enum(['publish', 'unpublish', 'update', 'delete', 'create']),
  documentId: z.string().min(1),
  slug: z.string().min(1).nullable(),
  review: z.object({ documentId: z.string().min(1), slug: z.string().min(1) }).nullable(),
  sentAt: z.iso.datetime({ offset: true }),
});
export type CmsEvent = z.infer<typeof cmsEventSchema>;

/** Exactly the tags one CMS event makes stale: its collection, and the documents (ids and slugs) it names. */
export function tagsForEvent(e: CmsEvent): string[] {
  const reviewTags = (r: { documentId: string; slug: string } | null) =>
    r ? [tags.review(r.documentId), tags.reviewSlug(r.slug)] : [];
  const list = (() => {
    switch (e.model) {
      case 'review':
        return [
          tags.reviews,
          tags.review(e.documentId),
          ...(e.slug ? [tags.reviewSlug(e.slug)] : []),
          ...(e.slug ? [tags.reviewComments(e.slug)] : []),
        ];
      case 'faq':
        return e.review ? [tags.faqs, ...reviewTags(e.review)] : [tags.faqs, tags.siteFaqs];
      case 'comment':
        return e.review ? [tags.reviewComments(e.review.slug)] : [tags.comments];
      case 'film':
        return [tags.films, tags.film(e.documentId)];
      case 'author':
        return [tags.authors, tags.author(e.documentId), ...(e.slug ? [tags.authorSlug(e.slug)] : [])];
      case 'genre':
        return [tags.genres, tags.genre(e.documentId), ...(e.slug ? [tags.genreSlug(e.slug)] : [])];
    }
  })();
  return [...new Set(list)];
}

/** `sha256=<hex HMAC-SHA256(secret, raw body)>`, compared in constant time. */
export function verifySignature(rawBody: string, header: string | null, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  return safeEqual(header.slice('sha256='.length).toLowerCase(), hmacSha256Hex(secret, rawBody));
}

/**
 * Expires the tags at once (`expire: 0`): the next reader waits for fresh data instead of being served
 * the stale page, so a publish is visible on the next request.
 */
export function revalidateCmsEvent(e: CmsEvent): string[] {
  const stale = tagsForEvent(e);
  for (const tag of stale) revalidateTag(tag, { expire: 0 });
  return stale;
}
