import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';
const WRITES = new Set(['create', 'update', 'delete']);

/**
 * Keeps `comment_threads` (see the scale migration) in step with every comment write: what a thread page filters and
 * sorts on, in one indexed table, so a page of a review with tens of thousands of comments costs what a small one does.
 * A deleted comment's row goes with it (foreign key), so deletes that bypass the document service are covered too.
 */
export const syncCommentThreads = async (strapi: Core.Strapi, documentId: string) =>
  // Inside the write's own transaction when there is one (the admin's updates run in one): SQLite has one connection,
  // so a query on another would wait for it until the pool times out.
  strapi.db.transaction(async ({ trx }) => syncWith(strapi, trx, documentId));

const syncWith = async (strapi: Core.Strapi, knex: Core.Strapi['db']['connection'], documentId: string) => {
  const rows = await strapi.db.query(COMMENT).findMany({
    where: { documentId },
    select: ['id', 'moderationStatus', 'hiddenByReports', 'createdAt'],
    populate: { review: { select: ['documentId'] }, parent: { select: ['id'] } },
  });
  for (const row of rows as { id: number; moderationStatus: string; hiddenByReports: boolean | null; createdAt: string; review?: { documentId: string } | null; parent?: unknown }[]) {
    await knex('comment_threads').where({ comment_id: row.id }).delete();
    if (!row.review) continue;
    await knex('comment_threads').insert({
      comment_id: row.id,
      review_document_id: row.review.documentId,
      // Visible to the public: approved and not hidden by readers' reports (the comment service's VISIBLE).
      approved: row.moderationStatus === 'approved' && !row.hiddenByReports ? 1 : 0,
      root: row.parent ? 0 : 1,
      created_at: new Date(row.createdAt),
    });
  }
};

export const registerCommentThreadIndex = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== COMMENT || !WRITES.has(context.action)) return next();
    const params = context.params as { documentId?: string };
    // SQLite enforces the foreign key only where Strapi turned it on: a delete removes its rows itself as well.
    const deleted =
      context.action === 'delete' && params.documentId
        ? await strapi.db.query(COMMENT).findMany({ where: { documentId: params.documentId }, select: ['id'] })
        : [];
    const result = await next();
    if (deleted.length > 0) {
      const ids = deleted.map((row: { id: number }) => row.id);
      await strapi.db.transaction(({ trx }) => trx('comment_threads').whereIn('comment_id', ids).delete());
    }
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId && context.action !== 'delete') await syncCommentThreads(strapi, documentId);
    return result;
  });
};
