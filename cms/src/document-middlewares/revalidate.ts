import type { Core } from '@strapi/strapi';
import { isVisible } from '../api/comment/domain/visible';
import type { ChangeNotice, Event, Model, Notifier } from '../revalidation/notifier';
import { touchedDocumentId, namedDocumentId, type DocumentMiddleware } from './touched';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish']);

const MODELS: Record<string, Model> = {
  'api::review.review': 'review',
  'api::faq.faq': 'faq',
  'api::comment.comment': 'comment',
  'api::film.film': 'film',
  'api::author.author': 'author',
  'api::genre.genre': 'genre',
};

interface Snapshot {
  documentId: string;
  slug: string | null;
  review: { documentId: string; slug: string } | null;
  approved: boolean;
  /** What readers see of a comment, to tell an edit of a visible one. */
  shown: string;
}

const snapshot = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<Snapshot | null> => {
  const row = await strapi.db.query(uid).findOne({
    where: { documentId },
    orderBy: { publishedAt: 'desc' },
    populate:
      uid === 'api::faq.faq' || uid === 'api::comment.comment' ? { review: { select: ['documentId', 'slug'] } } : {},
  });
  if (!row) return null;
  const review =
    row.review && typeof row.review.slug === 'string'
      ? { documentId: row.review.documentId, slug: row.review.slug }
      : null;
  return {
    documentId,
    slug: typeof row.slug === 'string' ? row.slug : null,
    review: uid === 'api::review.review' ? { documentId, slug: row.slug } : review,
    // Hidden by readers' reports counts as gone from the thread, so hiding and un-hiding notify the web like approval.
    approved: isVisible(row),
    shown: JSON.stringify([row.authorName, row.authorWebsite, row.body, row.rating, row.isStaff]),
  };
};

/** Which change, if any, the readers can see. Drafts saved by editors change nothing on the site. */
const visibleEvent = (model: Model, action: string, before: Snapshot | null, after: Snapshot | null): Event | null => {
  if (model === 'comment') {
    const was = before?.approved ?? false;
    const is = action === 'delete' ? false : (after?.approved ?? false);
    if (was === is) return is && before?.shown !== after?.shown ? 'update' : null;
    return is ? (action === 'create' ? 'create' : 'update') : action === 'delete' ? 'delete' : 'update';
  }
  if (model === 'review' || model === 'faq') {
    return action === 'publish' || action === 'unpublish' || action === 'delete' ? action : null;
  }
  return action === 'create' || action === 'update' || action === 'delete' ? action : null;
};

/**
 * Runs `send` once the write is committed: the admin's Publish and Unpublish run the document service inside a
 * transaction of their own, and a web that read the CMS on a notice sent before that commit would render, and cache
 * as new, the page as it was. A write that is rolled back sends nothing.
 */
const afterCommit = async (strapi: Core.Strapi, send: () => void) => {
  if (!strapi.db.inTransaction()) return send();
  // A nested call joins the open transaction: its commit callbacks run when that one commits.
  await strapi.db.transaction(async ({ onCommit }) => onCommit(send));
};

/** Tells the web when something readers can see has changed. */
export const revalidate =
  (notifier: Notifier) =>
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const model = MODELS[context.uid];
    if (!model || !WRITES.has(context.action)) return next();
    const named = namedDocumentId(context);
    const before = named ? await snapshot(strapi, context.uid, named) : null;
    const result = await next();
    const documentId = touchedDocumentId(context, result);
    if (!documentId) return result;
    const after = context.action === 'delete' ? null : await snapshot(strapi, context.uid, documentId);
    const event = visibleEvent(model, context.action, before, after);
    const known = after ?? before;
    if (event && known) {
      const notice: ChangeNotice = { model, event, documentId, slug: known.slug, review: known.review };
      await afterCommit(strapi, () => notifier.notify(notice));
    }
    return result;
  };
