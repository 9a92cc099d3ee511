import type { Core } from '@strapi/strapi';
import slugify from 'slugify';
import { namedDocumentId, type DocumentMiddleware } from './touched';

const REVIEW = 'api::review.review';

/** A review's slug from its title, as the admin's Regenerate makes it: lower-case ASCII words joined by dashes. */
export const slugFor = (title: string) =>
  slugify(title, { lower: true, strict: true, trim: true }).slice(0, 180) || 'review';

const isAutomatic = (slug: string, title: string) =>
  slug === '' || slug === 'review' || new RegExp(`^${slugFor(title)}(-\\d+)?$`).test(slug);

/** The first of `base`, `base-2`, `base-3`... that no other review uses. */
const uniqueSlug = async (strapi: Core.Strapi, base: string, documentId: string | null) => {
  const taken = new Set(
    (
      (await strapi.db.query(REVIEW).findMany({
        where: { slug: { $startsWith: base }, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
        select: ['slug'],
      })) as { slug: string }[]
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
};

/**
 * The slug follows the title until the review is first published: its URL is then out in the world, and changes
 * only when an editor changes it (a redirect keeps the old one). A slug the editor wrote by hand is kept.
 */
export const reviewSlug =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== REVIEW || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: { title?: unknown; slug?: unknown } };
    const data = params.data;
    if (!data || typeof data.title !== 'string' || !data.title.trim()) return next();
    const documentId = namedDocumentId(context);
    const stored: { title: string; slug: string; firstPublishedAt: unknown; publishedAt: unknown }[] = documentId
      ? await strapi.db
          .query(REVIEW)
          .findMany({ where: { documentId }, select: ['title', 'slug', 'firstPublishedAt', 'publishedAt'] })
      : [];
    if (stored.some((row) => row.firstPublishedAt || row.publishedAt)) return next();
    const previous = stored[0];
    const given = typeof data.slug === 'string' ? data.slug : (previous?.slug ?? '');
    // A slug the editor wrote by hand is neither empty nor what the old or the new title makes.
    const automatic = isAutomatic(given, data.title) || (previous !== undefined && isAutomatic(given, previous.title));
    if (!automatic) return next();
    data.slug = await uniqueSlug(strapi, slugFor(data.title), documentId);
    return next();
  };
