import type { Core } from '@strapi/strapi';
import { removeThreadRows, syncCommentThreads, threadRowsOf } from '../api/comment/services/thread-index';
import { isCall, namedDocumentId, touchedDocumentId, type DocumentMiddleware } from './touched';

const WRITES = new Set(['create', 'update', 'delete']);

/** Keeps the thread index (comment_threads, comment_thread_stats) in step with every comment write. */
export const commentThreads =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (!isCall(context, ['api::comment.comment'], WRITES)) return next();
    const named = namedDocumentId(context);
    const deleted = context.action === 'delete' && named ? await threadRowsOf(strapi, named) : [];
    const result = await next();
    await removeThreadRows(strapi, deleted);
    const documentId = touchedDocumentId(context, result);
    if (documentId && context.action !== 'delete') await syncCommentThreads(strapi, documentId);
    return result;
  };
