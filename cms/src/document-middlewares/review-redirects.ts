import type { Core } from '@strapi/strapi';
import { logActivity } from '../api/newsroom/domain/history';
import { reviewPath } from '../api/redirect/domain/paths';
import { namedDocumentId, type DocumentMiddleware } from './touched';

const REVIEW = 'api::review.review';
const REDIRECT = 'api::redirect.redirect';

const liveSlug = async (strapi: Core.Strapi, documentId: string): Promise<string | null> => {
  const row: { slug?: string } | null = await strapi.db
    .query(REVIEW)
    .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['slug'] });
  return row?.slug ?? null;
};

/**
 * A published review's old URL keeps working: when its slug changes on publish, the old path redirects to the review
 * (wherever its slug goes next, so chains collapse), and the new path drops any redirect of its own (renaming back,
 * or a new review taking a freed slug, never loops). A deleted review's last path answers 410 Gone.
 */
export const reviewRedirects =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== REVIEW || (context.action !== 'publish' && context.action !== 'delete')) return next();
    const documentId = namedDocumentId(context);
    if (!documentId) return next();
    const before = await liveSlug(strapi, documentId);
    const draftTitle: { title?: string } | null =
      context.action === 'delete'
        ? await strapi.db.query(REVIEW).findOne({ where: { documentId }, select: ['title'] })
        : null;
    const result = await next();
    const redirects = strapi.documents(REDIRECT);

    if (context.action === 'delete') {
      // Redirects to the review now lead nowhere: they, and its own last path, answer 410.
      for (const redirect of await redirects.findMany({
        filters: { reviewDocumentId: documentId },
        fields: ['documentId'],
        limit: -1,
      } as never)) {
        await redirects.update({
          documentId: redirect.documentId,
          data: { reviewDocumentId: null, note: 'review deleted' } as never,
        });
      }
      if (before)
        await upsert(strapi, reviewPath(before), {
          reviewDocumentId: null,
          toPath: null,
          origin: 'rename',
          note: `review deleted: ${draftTitle?.title ?? ''}`.trim(),
        });
      return result;
    }

    const after = await liveSlug(strapi, documentId);
    if (!after) return result;
    const taken = await redirects.findFirst({ filters: { fromPath: reviewPath(after) }, fields: ['documentId'] });
    if (taken) await redirects.delete({ documentId: taken.documentId });
    if (before && before !== after) {
      await upsert(strapi, reviewPath(before), {
        reviewDocumentId: documentId,
        toPath: null,
        origin: 'rename',
        note: null,
      });
      await logActivity(strapi, {
        action: 'rename',
        reviewDocumentId: documentId,
        reviewTitle: null,
        detail: `${reviewPath(before)} → ${reviewPath(after)} (old URL redirects)`,
      });
    }
    return result;
  };

const upsert = async (
  strapi: Core.Strapi,
  fromPath: string,
  data: { reviewDocumentId: string | null; toPath: string | null; origin: 'rename'; note: string | null },
) => {
  const redirects = strapi.documents(REDIRECT);
  const existing = await redirects.findFirst({ filters: { fromPath }, fields: ['documentId'] });
  if (existing)
    await redirects.update({ documentId: existing.documentId, data: { ...data, permanent: true } as never });
  else await redirects.create({ data: { fromPath, ...data, permanent: true } as never });
};
