import type { Core, Modules } from '@strapi/strapi';

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
export type DocumentContext = Modules.Documents.Middleware.Context;

/** A document-service middleware, made for one Strapi instance. */
export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;

/** The document a call names, when it names one (update, publish, delete...; not create). */
export const namedDocumentId = (context: DocumentContext): string | null => {
  const params: unknown = context.params;
  if (typeof params !== 'object' || params === null || !('documentId' in params)) return null;
  return typeof params.documentId === 'string' ? params.documentId : null;
};

/** The document a write touched: the one it named, or the one it created. */
export const touchedDocumentId = (context: DocumentContext, result: unknown): string | null => {
  const named = namedDocumentId(context);
  if (named) return named;
  if (typeof result !== 'object' || result === null || !('documentId' in result)) return null;
  return typeof result.documentId === 'string' ? result.documentId : null;
};

/** Whether a call is one of the given actions on one of the given content types. */
export const isCall = (context: DocumentContext, uids: readonly string[], actions: ReadonlySet<string>) =>
  uids.includes(context.uid) && actions.has(context.action);
