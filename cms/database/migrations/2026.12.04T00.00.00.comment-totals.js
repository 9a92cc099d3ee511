'use strict';

/**
 * The admin's comment list without counting every comment on every page.
 *
 * The content manager pages its list with a count of the rows it lists: with no filter, `count(id)` over the whole
 * `comments` table, which PostgreSQL can only answer by reading every row (an index-only scan of 1,000,000 ids:
 * 90-160 ms on each page of the list, where the page itself takes under 1 ms). `comment_totals` keeps that number
 * instead, in its one row, counted by triggers on `comments`, so every way a comment is written counts: the API, the
 * admin, retention's purge, the scale generator's bulk SQL. src/api/comment/services/comment-totals.ts answers the
 * content manager's whole-table count from it; a filtered count (pending only, a search) still counts, on its index.
 *
 * PostgreSQL counts per statement (transition tables: one update for a bulk insert of a million rows, and TRUNCATE
 * sets 0); SQLite, which has row triggers only, per row. Each insert or delete holds the counter row's lock to the end
 * of its transaction: comment writes are serialised on it, which a blog's comment rate (a few a second at most) does
 * not notice.
 *
 * Idempotent and run again by bootstrap after Strapi's schema sync (src/api/search/services/schema.ts), which also
 * recounts: on a fresh database `comments` exists only then, SQLite's schema sync may rebuild the table without its
 * triggers, and a recount on each start puts right anything written with triggers disabled (a restore with
 * --disable-triggers, session_replication_role = replica).
 */

const TOTALS = 'comment_totals';

const POSTGRES = [
  `CREATE OR REPLACE FUNCTION marquee_comment_totals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE comment_totals SET comments = comments + (SELECT count(*) FROM inserted) WHERE id = 1;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION marquee_comment_totals_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE comment_totals SET comments = comments - (SELECT count(*) FROM deleted) WHERE id = 1;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE FUNCTION marquee_comment_totals_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE comment_totals SET comments = 0 WHERE id = 1;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER marquee_comment_totals_insert AFTER INSERT ON comments
   REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION marquee_comment_totals_inserted()`,
  `CREATE OR REPLACE TRIGGER marquee_comment_totals_delete AFTER DELETE ON comments
   REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION marquee_comment_totals_deleted()`,
  `CREATE OR REPLACE TRIGGER marquee_comment_totals_truncate AFTER TRUNCATE ON comments
   FOR EACH STATEMENT EXECUTE FUNCTION marquee_comment_totals_truncated()`,
];

const SQLITE = [
  `CREATE TRIGGER IF NOT EXISTS marquee_comment_totals_insert AFTER INSERT ON comments
   BEGIN UPDATE comment_totals SET comments = comments + 1 WHERE id = 1; END`,
  `CREATE TRIGGER IF NOT EXISTS marquee_comment_totals_delete AFTER DELETE ON comments
   BEGIN UPDATE comment_totals SET comments = comments - 1 WHERE id = 1; END`,
];

const isPostgres = (knex) => ['pg', 'postgres', 'postgresql'].includes(knex.client.config.client);

/** Counts the comments into the counter row; writers wait meanwhile (PostgreSQL), so none is counted twice or lost. */
const recount = async (knex) =>
  knex.transaction(async (trx) => {
    if (isPostgres(trx)) await trx.raw('LOCK TABLE comments IN SHARE MODE');
    const [{ count }] = await trx('comments').count({ count: '*' });
    await trx(TOTALS)
      .insert({ id: 1, comments: Number(count) })
      .onConflict('id')
      .merge();
  });

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('comments'))) return;
    if (!(await knex.schema.hasTable(TOTALS))) {
      await knex.schema.createTable(TOTALS, (table) => {
        table.integer('id').primary();
        table.bigInteger('comments').notNullable();
      });
    }
    for (const statement of isPostgres(knex) ? POSTGRES : SQLITE) await knex.raw(statement);
    await recount(knex);
  },
  recount,
};
