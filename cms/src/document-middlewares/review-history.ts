import type { Core } from '@strapi/strapi';
import { logActivity, recordRevision, type RevisionAction } from '../api/newsroom/domain/history';
import { namedDocumentId, touchedDocumentId, type DocumentMiddleware } from './touched';

const REVIEW = 'api::review.review';
const REVISED = new Set<string>(['create', 'update', 'publish', 'unpublish', 'discardDraft']);

interface State {
  title: string | null;
  publishAt: string | null;
}

const state = async (strapi: Core.Strapi, documentId: string): Promise<State | null> => {
  const draft: { title?: string; publishAt?: unknown } | null = await strapi.db
    .query(REVIEW)
    .findOne({ where: { documentId, publishedAt: null }, select: ['title', 'publishAt'] });
  return draft
    ? {
        title: draft.title ?? null,
        publishAt: draft.publishAt ? new Date(String(draft.publishAt)).toISOString() : null,
      }
    : null;
};

/**
 * Every save of a review keeps a revision (who, when, which action, the whole draft) and the newsroom's activity
 * log records who created, published, unpublished, scheduled or deleted it. Neither ever fails the save.
 */
export const reviewHistory =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== REVIEW || (!REVISED.has(context.action) && context.action !== 'delete')) return next();
    const named = namedDocumentId(context);
    const before = named ? await state(strapi, named) : null;
    const result = await next();
    const documentId = touchedDocumentId(context, result);
    if (!documentId) return result;
    try {
      if (context.action === 'delete') {
        await logActivity(strapi, {
          action: 'delete',
          reviewDocumentId: documentId,
          reviewTitle: before?.title ?? null,
        });
        return result;
      }
      const after = await state(strapi, documentId);
      await recordRevision(strapi, documentId, context.action as RevisionAction);
      const title = after?.title ?? before?.title ?? null;
      if (context.action === 'create' || context.action === 'publish' || context.action === 'unpublish') {
        await logActivity(strapi, { action: context.action, reviewDocumentId: documentId, reviewTitle: title });
      }
      if ((before?.publishAt ?? null) !== (after?.publishAt ?? null) && context.action !== 'publish') {
        await logActivity(strapi, {
          action: after?.publishAt ? 'schedule' : 'unschedule',
          reviewDocumentId: documentId,
          reviewTitle: title,
          detail: after?.publishAt ? `to publish at ${after.publishAt}` : null,
        });
      }
    } catch (error) {
      strapi.log.error(
        `[newsroom] could not keep the history of review ${documentId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return result;
  };
