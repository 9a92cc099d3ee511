import type { Core } from '@strapi/strapi';
import { commentTotal, countsWholeTable } from '../api/comment/services/comment-totals';
import type { DocumentMiddleware } from './touched';

/**
 * Answers a count of every comment from the counter instead of counting every row: the content manager counts what
 * it lists on every page of the admin's comment list. Any other count (filtered, searched) counts for real.
 */
export const commentTotals =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== 'api::comment.comment' || context.action !== 'count' || !countsWholeTable(context.params))
      return next();
    return (await commentTotal(strapi)) ?? next();
  };
