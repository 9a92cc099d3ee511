'use strict';

/**
 * A thread page that costs the same on its last page as on its first, whatever the thread's size.
 *
 * `comment_threads.position`: for a visible top-level comment (approved, not hidden by reports), its place in its
 * review's thread (1, 2, 3... in created_at, comment_id order); NULL for every other row. Page N of a thread is then
 * the rows whose position is in ((N - 1) * size, N * size]: an index range scan of one page, where an OFFSET walked
 * every earlier comment (~30 ms on the last page of a 30,000-comment thread, growing with it).
 *
 * `comment_thread_stats`: one row per review with what the thread's meta needs: how many visible top-level comments
 * (the page count) and the readers' rating (counted ratings and their sum). Counting and averaging at read walked the
 * whole thread on every request; now a write that changes what the public sees recomputes them (src/api/comment/
 * services/thread-index.ts), and a review with no row gets one computed on its first read.
 *
 * Idempotent and run again by bootstrap after Strapi's schema sync, like the scale migration before it (on a fresh
 * database `comment_threads` is created only then). A database whose positions are missing (made before this, or
 * whose thread index was refilled) is numbered here in one statement, and its stats are recomputed as they are read.
 */

/** Numbers every visible top-level comment within its review (both databases: window functions and UPDATE ... FROM). */
const FILL_POSITIONS = `
UPDATE comment_threads SET position = numbered.n
FROM (SELECT comment_id,
             row_number() OVER (PARTITION BY review_document_id ORDER BY created_at, comment_id) AS n
      FROM comment_threads WHERE approved = 1 AND root = 1) AS numbered
WHERE comment_threads.comment_id = numbered.comment_id`;

const numberThreads = async (knex) => {
  await knex('comment_threads').whereNotNull('position').update({ position: null });
  await knex.raw(FILL_POSITIONS);
  await knex('comment_thread_stats').delete();
};

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('comment_threads'))) return;
    if (!(await knex.schema.hasColumn('comment_threads', 'position'))) {
      await knex.schema.alterTable('comment_threads', (table) => {
        table.integer('position');
      });
    }
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS marquee_comment_threads_position ON comment_threads (review_document_id, position)',
    );
    if (!(await knex.schema.hasTable('comment_thread_stats'))) {
      await knex.schema.createTable('comment_thread_stats', (table) => {
        table.string('review_document_id', 255).primary();
        table.integer('roots').notNullable();
        table.integer('rating_count').notNullable();
        table.integer('rating_total').notNullable();
      });
    }
    const unnumbered = await knex('comment_threads')
      .where({ approved: 1, root: 1 })
      .whereNull('position')
      .first('comment_id');
    if (unnumbered) await numberThreads(knex);
  },
  FILL_POSITIONS,
  numberThreads,
};
