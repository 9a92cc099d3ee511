import type { Core } from '@strapi/strapi';
import { searchService } from '../api/search/services/search';
import { isCall, namedDocumentId, touchedDocumentId, type DocumentMiddleware } from './touched';

const REVIEW = 'api::review.review';
const FILM = 'api::film.film';
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/** The search index follows publish, unpublish, delete and film renames. */
export const searchIndex =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (!isCall(context, [REVIEW, FILM], WRITES)) return next();
    const service = searchService(strapi);
    const named = namedDocumentId(context);
    const filmReviews = context.uid === FILM && named ? await service.reviewsOfFilm(named) : [];
    const result = await next();
    const documentId = touchedDocumentId(context, result);
    if (context.uid === REVIEW && documentId) await service.refresh([documentId]);
    if (context.uid === FILM) await service.refresh(filmReviews);
    return result;
  };
