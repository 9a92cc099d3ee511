import type { Core } from '@strapi/strapi';

const REVIEW = 'api::review.review';

/**
 * Reviews published before their first publication date was kept get it from their live version, once: from then on
 * a republish keeps it (src/document-middlewares/review-publishing.ts).
 */
export const keepFirstPublicationDates = async (strapi: Core.Strapi) => {
  const live: { documentId: string; publishedAt: string }[] = await strapi.db.query(REVIEW).findMany({
    where: { publishedAt: { $notNull: true }, firstPublishedAt: null },
    select: ['documentId', 'publishedAt'],
  });
  for (const row of live) {
    await strapi.db.query(REVIEW).updateMany({
      where: { documentId: row.documentId, firstPublishedAt: null },
      data: { firstPublishedAt: row.publishedAt },
    });
  }
};
