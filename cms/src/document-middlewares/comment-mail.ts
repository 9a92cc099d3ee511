import type { Core } from '@strapi/strapi';
import { mailIsQuiet, mailOnStatusChange, storedStatus } from '../mail/notify';
import { isCall, namedDocumentId, touchedDocumentId, type DocumentMiddleware } from './touched';

const WRITES = new Set(['create', 'update', 'publish', 'unpublish']);

/**
 * Every path that changes a comment (the API, the content manager, the moderation desk, auto-approval) passes here,
 * so every approval and every held comment is noticed by mail.
 */
export const commentMail =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (!isCall(context, ['api::comment.comment'], WRITES) || mailIsQuiet()) return next();
    const named = namedDocumentId(context);
    const before = named ? await storedStatus(strapi, named) : null;
    const result = await next();
    const documentId = touchedDocumentId(context, result);
    if (documentId) await mailOnStatusChange(strapi, documentId, before);
    return result;
  };
