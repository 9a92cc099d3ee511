import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ratingProblem, type Scale } from '../api/review/validation/rating';
import type { DocumentMiddleware } from './touched';

/**
 * A review's rating must sit on its own scale, so that the stars and the JSON-LD reviewRating (bestRating,
 * worstRating) agree. Checked on every create and update, wherever it comes from (admin panel, API, seed).
 */
export const ratingCheck =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== 'api::review.review' || (context.action !== 'create' && context.action !== 'update'))
      return next();
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
    const problem = ratingProblem({
      ...stored,
      ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
    });
    if (problem)
      throw new errors.ValidationError(problem, {
        errors: [{ path: ['rating'], message: problem, name: 'ValidationError' }],
      });
    return next();
  };
