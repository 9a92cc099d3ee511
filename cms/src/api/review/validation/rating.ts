import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface Scale {
  rating?: unknown;
  bestRating?: unknown;
  worstRating?: unknown;
}

const asNumber = (value: unknown) => (value === null || value === undefined || value === '' ? undefined : Number(value));

/** The message for a rating outside its own scale, or null when it fits. Exported for tests. */
export const ratingProblem = ({ rating, bestRating, worstRating }: Scale): string | null => {
  const [value, best, worst] = [asNumber(rating), asNumber(bestRating) ?? 5, asNumber(worstRating) ?? 1];
  if (worst >= best) return `The worst rating (${worst}) must be below the best rating (${best}).`;
  if (value !== undefined && (value < worst || value > best)) return `The rating must be between ${worst} and ${best}.`;
  return null;
};

/**
 * A review's rating must sit on its own scale, so that the stars and the JSON-LD reviewRating (bestRating,
 * worstRating) agree. Checked on every create and update, wherever it comes from (admin panel, API, seed).
 */
export const registerRatingCheck = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::review.review' || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { documentId?: string; data?: Scale };
    const data = params.data ?? {};
    if (data.rating === undefined && data.bestRating === undefined && data.worstRating === undefined) return next();
    const stored: Scale =
      params.documentId !== undefined
        ? ((await strapi.db.query('api::review.review').findOne({
            where: { documentId: params.documentId, publishedAt: null },
            select: ['rating', 'bestRating', 'worstRating'],
          })) ?? {})
        : {};
    const problem = ratingProblem({ ...stored, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) });
    if (problem) throw new errors.ValidationError(problem, { errors: [{ path: ['rating'], message: problem, name: 'ValidationError' }] });
    return next();
  });
};
