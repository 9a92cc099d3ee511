import type { Core } from '@strapi/strapi';
import { isVisible } from '../domain/visible';
import { ratingTotals, type RatingTotals } from './reader-rating';

const COMMENT = 'api::comment.comment';

type Knex = Core.Strapi['db']['connection'];

/** A comment_threads row (see the migrations in database/migrations). */
export interface ThreadRow {
  comment_id: number;
  review_document_id: string;
  approved: number;
  root: number;
  created_at: Date | string | number;
  /** The comment's place among its review's visible top-level comments; null when it is not one of them. */
  position: number | null;
}

/** What a thread page's meta needs, kept per review in comment_thread_stats. */
export interface ThreadStats {
  /** Visible top-level comments: the thread's page count comes from it. */
  roots: number;
  rating: RatingTotals;
}

const STATS = 'comment_thread_stats';

/**
 * Serialises writes to one review's thread (PostgreSQL: a row lock held to the end of the transaction; SQLite writes
 * one at a time anyway): two approvals at once would otherwise number their comments from the same predecessor.
 */
const lockThread = async (knex: Knex, review: string) => {
  await knex(STATS)
    .insert({ review_document_id: review, roots: 0, rating_count: 0, rating_total: 0 })
    .onConflict('review_document_id')
    .ignore();
  await knex(STATS).where({ review_document_id: review }).forUpdate().first('review_document_id');
};

const computeStats = async (strapi: Core.Strapi, knex: Knex, review: string): Promise<ThreadStats> => {
  // Positions run 1..n without gaps, so the highest is the count: one step down the (review, position) index.
  const [top] = await knex('comment_threads').where({ review_document_id: review }).max({ roots: 'position' });
  return { roots: Number(top?.roots ?? 0), rating: await ratingTotals(strapi, knex, review) };
};

const storeStats = (knex: Knex, review: string, stats: ThreadStats) =>
  knex(STATS)
    .insert({
      review_document_id: review,
      roots: stats.roots,
      rating_count: stats.rating.count,
      rating_total: stats.rating.total,
    })
    .onConflict('review_document_id')
    .merge();

/** Takes a row out of its thread: the visible comments after it move up one place. */
const removeRow = async (knex: Knex, row: ThreadRow) => {
  await knex('comment_threads').where({ comment_id: row.comment_id }).delete();
  if (row.position === null) return;
  await knex('comment_threads')
    .where({ review_document_id: row.review_document_id })
    .where('position', '>', row.position)
    .decrement('position', 1);
};

/**
 * Puts a row in its thread. A visible top-level comment takes the place after the visible comment created just before
 * it (one step back along the thread index), and those after it move down one: a new comment is approved at the end
 * of its thread, so that is usually none; approving an old one moves the comments after it.
 */
const insertRow = async (knex: Knex, row: Omit<ThreadRow, 'position'>) => {
  let position: number | null = null;
  if (row.approved === 1 && row.root === 1) {
    const before: { position: number | null } | undefined = await knex('comment_threads')
      .where({ review_document_id: row.review_document_id, approved: 1, root: 1 })
      .whereRaw('(created_at < ? or (created_at = ? and comment_id < ?))', [
        row.created_at,
        row.created_at,
        row.comment_id,
      ])
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'comment_id', order: 'desc' },
      ])
      .first('position');
    position = (before?.position ?? 0) + 1;
    await knex('comment_threads')
      .where({ review_document_id: row.review_document_id })
      .where('position', '>=', position)
      .increment('position', 1);
  }
  await knex('comment_threads').insert({ ...row, position });
};

const syncWith = async (strapi: Core.Strapi, knex: Knex, documentId: string) => {
  const comments = (await strapi.db.query(COMMENT).findMany({
    where: { documentId },
    select: ['id', 'moderationStatus', 'hiddenByReports', 'createdAt'],
    populate: { review: { select: ['documentId'] }, parent: { select: ['id'] } },
  })) as {
    id: number;
    moderationStatus: string;
    hiddenByReports: boolean | null;
    createdAt: string;
    review?: { documentId: string } | null;
    parent?: unknown;
  }[];
  for (const comment of comments) {
    const before: ThreadRow | undefined = await knex('comment_threads').where({ comment_id: comment.id }).first();
    const after = comment.review
      ? {
          comment_id: comment.id,
          review_document_id: comment.review.documentId,
          approved: isVisible(comment) ? 1 : 0,
          root: comment.parent ? 0 : 1,
          created_at: new Date(comment.createdAt),
        }
      : null;
    const reviews = [
      ...new Set([before?.review_document_id, after?.review_document_id].filter((id): id is string => Boolean(id))),
    ];
    for (const review of reviews.sort()) await lockThread(knex, review);
    // Most writes leave a comment where it was (an edit, a report counted): its place stands, and so do the others'.
    const unmoved =
      before &&
      after &&
      before.review_document_id === after.review_document_id &&
      before.approved === after.approved &&
      before.root === after.root &&
      new Date(before.created_at).getTime() === after.created_at.getTime();
    if (!unmoved) {
      if (before) await removeRow(knex, before);
      if (after) await insertRow(knex, after);
    }
    // What the public sees of a thread changes only with a visible comment (its count, and the ratings that count).
    const wasVisible = before?.approved === 1;
    const nowVisible = after?.approved === 1;
    if (!wasVisible && !nowVisible) continue;
    for (const review of reviews) await storeStats(knex, review, await computeStats(strapi, knex, review));
  }
};

/**
 * Keeps `comment_threads` and `comment_thread_stats` in step with every comment write: what a thread page filters,
 * sorts and counts on, so a page of a review with tens of thousands of comments costs what a small one does.
 * Inside the write's own transaction when there is one (the admin's updates run in one): SQLite has one connection,
 * so a query on another would wait for it until the pool times out.
 */
export const syncCommentThreads = async (strapi: Core.Strapi, documentId: string) =>
  strapi.db.transaction(async ({ trx }) => syncWith(strapi, trx, documentId));

/** Numbers one review's visible top-level comments 1..n in (created_at, comment_id) order, as the migration does for all. */
const NUMBER_THREAD = `
UPDATE comment_threads SET position = numbered.n
FROM (SELECT comment_id, row_number() OVER (ORDER BY created_at, comment_id) AS n
      FROM comment_threads WHERE review_document_id = ? AND approved = 1 AND root = 1) AS numbered
WHERE comment_threads.comment_id = numbered.comment_id`;

/**
 * Puts comments written in bulk (the WordPress import writes a post's new comments in a few statements, not through
 * the document service) into their review's thread at once, in the caller's transaction `knex`: their rows, then the
 * review's visible top-level comments numbered again and its stats computed, once for the batch where a write of
 * each would renumber and recount per comment. The rows are new comments of `review`.
 */
export const indexNewComments = async (
  strapi: Core.Strapi,
  knex: Knex,
  review: string,
  rows: Omit<ThreadRow, 'position'>[],
) => {
  if (rows.length === 0) return;
  await lockThread(knex, review);
  for (let at = 0; at < rows.length; at += 200) {
    await knex('comment_threads').insert(rows.slice(at, at + 200).map((row) => ({ ...row, position: null })));
  }
  // Only a visible comment changes what the public sees: its place, the count and the ratings.
  if (!rows.some((row) => row.approved === 1)) return;
  if (rows.some((row) => row.approved === 1 && row.root === 1)) await knex.raw(NUMBER_THREAD, [review]);
  await storeStats(knex, review, await computeStats(strapi, knex, review));
};

/**
 * A review's thread stats, computed and stored on the first read after the thread index was (re)numbered; every
 * write that changes them keeps them from then on.
 */
export const threadStats = async (strapi: Core.Strapi, review: string): Promise<ThreadStats> => {
  const knex = strapi.db.connection;
  const stored: { roots: unknown; rating_count: unknown; rating_total: unknown } | undefined = await knex(STATS)
    .where({ review_document_id: review })
    .first('roots', 'rating_count', 'rating_total');
  if (stored)
    return {
      roots: Number(stored.roots),
      rating: { count: Number(stored.rating_count), total: Number(stored.rating_total) },
    };
  return strapi.db.transaction(async ({ trx }) => {
    await lockThread(trx, review);
    const stats = await computeStats(strapi, trx, review);
    await storeStats(trx, review, stats);
    return stats;
  });
};

/**
 * The thread rows of a comment about to be deleted: read before the delete, since PostgreSQL's foreign key removes
 * them with the comment, and the comments after a removed one must move up.
 */
export const threadRowsOf = async (strapi: Core.Strapi, documentId: string): Promise<ThreadRow[]> =>
  strapi.db.connection('comment_threads').whereIn(
    'comment_id',
    (await strapi.db.query(COMMENT).findMany({ where: { documentId }, select: ['id'] })).map(
      (row: { id: number }) => row.id,
    ),
  );

/** Takes a deleted comment's rows out of their threads, renumbering the comments after them and the stats. */
export const removeThreadRows = async (strapi: Core.Strapi, deleted: ThreadRow[]) => {
  if (deleted.length === 0) return;
  await strapi.db.transaction(async ({ trx }) => {
    const reviews = [...new Set(deleted.map((row) => row.review_document_id))].sort();
    for (const review of reviews) await lockThread(trx, review);
    // Last place first: each removal moves only the comments after it, which are not removed yet.
    for (const row of [...deleted].sort((a, b) => (b.position ?? 0) - (a.position ?? 0))) await removeRow(trx, row);
    for (const review of reviews) await storeStats(trx, review, await computeStats(strapi, trx, review));
  });
};
