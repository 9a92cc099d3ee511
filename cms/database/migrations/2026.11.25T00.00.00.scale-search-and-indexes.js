'use strict';

/**
 * Search and the indexes every public list needs to cost the same at 10,000 reviews and 1,000,000 comments.
 *
 * Strapi runs user migrations BEFORE its schema sync, so on a fresh database the content tables do not exist yet when
 * this runs. Everything here is idempotent (IF NOT EXISTS, CREATE OR REPLACE) and only touches a Strapi table that
 * exists; bootstrap (src/api/search/services/schema.ts) runs the same `up` again after the sync, which completes a
 * fresh database. Schema sync leaves indexes it did not create alone (it diffs against its own stored schema).
 *
 * PostgreSQL: `review_search` holds one row per published review: a weighted tsvector (A title, B film title and
 * original title, C excerpt, D section headings and text and the verdict) with a GIN index that finds matches, a small one without
 * the body (`head`) that ranks them, the plain text ts_headline cuts
 * snippets from, and a `label` (title + film title) with a trigram index for typo-tolerant short queries.
 * `marquee_refresh_review_search(ids)` rebuilds the rows of those review documents (all of them for NULL); the CMS
 * calls it on publish/unpublish/delete and the scale generator once after its bulk insert.
 * SQLite: an FTS5 table with the same columns, filled by the CMS in JavaScript.
 *
 * `comment_threads` (both databases): one row per comment with what a thread page filters and sorts on, which
 * Strapi keeps in three tables (comments, and the review and parent link tables): the review's document id, approved,
 * top-level, created_at. Through the link tables a page of a review with 50,000 comments joins all of them (~600 ms
 * at 1,000,000 comments); from this table's index the count and the page are index scans. The CMS keeps it (a
 * document-service middleware, src/api/comment/services/thread-index.ts); deleting a comment deletes its row (FK).
 */

const isPostgres = (knex) => ['postgres', 'pg', 'postgresql'].includes(String(knex.client.config.client));

/** [table, index name, columns]: the lists' WHERE and ORDER BY, read through Strapi's link tables. */
const INDEXES = [
  // Thread: a review's comments (link table, by review), then status + parent-less + created_at on comments.
  ['comments_review_lnk', 'marquee_comments_review_lnk_review_comment', ['review_id', 'comment_id']],
  ['comments_parent_lnk', 'marquee_comments_parent_lnk_parent_comment', ['inv_comment_id', 'comment_id']],
  ['comments', 'marquee_comments_status_created', ['moderation_status', 'created_at', 'id']],
  // The admin's comment list: newest first, and its count per status.
  ['comments', 'marquee_comments_created', ['created_at', 'id']],
  // Home, feed and sitemap: published reviews newest first.
  ['reviews', 'marquee_reviews_published', ['published_at', 'id']],
  ['reviews', 'marquee_reviews_slug', ['slug', 'published_at']],
  // Genre and author pages: a genre's or an author's reviews.
  ['reviews_genres_lnk', 'marquee_reviews_genres_lnk_genre_review', ['genre_id', 'review_id']],
  ['reviews_author_lnk', 'marquee_reviews_author_lnk_author_review', ['author_id', 'review_id']],
  ['reviews_film_lnk', 'marquee_reviews_film_lnk_film_review', ['film_id', 'review_id']],
  ['faqs_review_lnk', 'marquee_faqs_review_lnk_review_faq', ['review_id', 'faq_id']],
  ['reviews_cmps', 'marquee_reviews_cmps_entity_field', ['entity_id', 'field', 'order']],
];

/**
 * Rebuilds comment_threads from Strapi's tables (both databases); run when it is empty, and by the generator. Visible
 * is approved and not hidden by readers' reports, as everywhere (`0 = 1` is false in both SQLite and PostgreSQL).
 */
const FILL_COMMENT_THREADS = `
INSERT INTO comment_threads (comment_id, review_document_id, approved, root, created_at)
SELECT c.id, lr.document_id,
       CASE WHEN c.moderation_status = 'approved' AND COALESCE(c.hidden_by_reports, 0 = 1) = (0 = 1) THEN 1 ELSE 0 END,
       CASE WHEN EXISTS (SELECT 1 FROM comments_parent_lnk p WHERE p.comment_id = c.id) THEN 0 ELSE 1 END,
       c.created_at
FROM comments c
JOIN (SELECT l.comment_id, min(r.document_id) AS document_id
      FROM comments_review_lnk l JOIN reviews r ON r.id = l.review_id GROUP BY l.comment_id) lr ON lr.comment_id = c.id`;

const createCommentThreads = async (knex) => {
  if (!(await knex.schema.hasTable('comments'))) return;
  if (!(await knex.schema.hasTable('comment_threads'))) {
    await knex.schema.createTable('comment_threads', (table) => {
      table.integer('comment_id').primary().references('id').inTable('comments').onDelete('CASCADE');
      table.string('review_document_id', 255).notNullable();
      table.smallint('approved').notNullable();
      table.smallint('root').notNullable();
      table.datetime('created_at', { precision: 6 });
    });
  }
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS marquee_comment_threads_page ON comment_threads (review_document_id, approved, root, created_at, comment_id)',
  );
  const [{ count }] = await knex('comment_threads').count({ count: '*' });
  if (Number(count) === 0 && (await knex.schema.hasTable('comments_review_lnk'))) {
    // A database from before readers' reports has no hidden_by_reports yet: nothing in it is hidden.
    const hidden = await knex.schema.hasColumn('comments', 'hidden_by_reports');
    await knex.raw(
      hidden
        ? FILL_COMMENT_THREADS
        : FILL_COMMENT_THREADS.replace(/ AND COALESCE\(c\.hidden_by_reports[^)]*\) = \(0 = 1\)/, ''),
    );
  }
};

const createIndexes = async (knex) => {
  for (const [table, name, columns] of INDEXES) {
    if (!(await knex.schema.hasTable(table))) continue;
    const list = columns.map((column) => `"${column}"`).join(', ');
    await knex.raw(`CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" (${list})`);
  }
};

const REFRESH_FUNCTION = `
CREATE OR REPLACE FUNCTION marquee_refresh_review_search(ids varchar[]) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  written integer;
BEGIN
  DELETE FROM review_search WHERE ids IS NULL OR document_id = ANY (ids);
  INSERT INTO review_search (document_id, review_id, published_at, title, label, content, document, head)
  SELECT r.document_id, r.id, r.published_at, coalesce(r.title, ''),
         concat_ws(' ', r.title, f.title, f.original_title),
         concat_ws(' ', r.excerpt, b.body, r.verdict),
         setweight(to_tsvector('english', coalesce(r.title, '')), 'A')
           || setweight(to_tsvector('english', concat_ws(' ', f.title, f.original_title)), 'B')
           || setweight(to_tsvector('english', coalesce(r.excerpt, '')), 'C')
           || setweight(to_tsvector('english', concat_ws(' ', b.body, r.verdict)), 'D'),
         setweight(to_tsvector('english', coalesce(r.title, '')), 'A')
           || setweight(to_tsvector('english', concat_ws(' ', f.title, f.original_title)), 'B')
           || setweight(to_tsvector('english', coalesce(r.excerpt, '')), 'C')
  FROM reviews r
  LEFT JOIN LATERAL (
    SELECT fi.title, fi.original_title FROM reviews_film_lnk rf JOIN films fi ON fi.id = rf.film_id
    WHERE rf.review_id = r.id LIMIT 1
  ) f ON true
  LEFT JOIN LATERAL (
    -- Spoiler sections stay out: a snippet would show them to a reader who has not asked to see them.
    SELECT string_agg(concat_ws(' ', s.heading,
             (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(s.body, 'strict $.**.text') AS t)),
           ' ' ORDER BY c."order") AS body
    FROM reviews_cmps c JOIN components_review_sections s ON s.id = c.cmp_id
    WHERE c.entity_id = r.id AND c.field = 'sections' AND c.component_type = 'review.section'
      AND coalesce(s.spoiler, false) = false
  ) b ON true
  WHERE r.published_at IS NOT NULL AND (ids IS NULL OR r.document_id = ANY (ids));
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$fn$`;

const upPostgres = async (knex) => {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw(`CREATE TABLE IF NOT EXISTS review_search (
    document_id varchar(255) PRIMARY KEY,
    review_id integer NOT NULL,
    published_at timestamp(6),
    title text NOT NULL,
    label text NOT NULL,
    content text NOT NULL,
    document tsvector NOT NULL
  )`);
  // The ranking vector: title, film and excerpt only. Small enough to stay inline, so ranking thousands of matches
  // does not read every review's whole text (the body's vector is several KB, stored out of line).
  await knex.raw('ALTER TABLE review_search ADD COLUMN IF NOT EXISTS head tsvector');
  await knex.raw('CREATE INDEX IF NOT EXISTS review_search_document_gin ON review_search USING gin (document)');
  await knex.raw('CREATE INDEX IF NOT EXISTS review_search_label_trgm ON review_search USING gin (label gin_trgm_ops)');
  // plpgsql bodies are checked when called, not when created: the function can exist before Strapi's tables do.
  await knex.raw(REFRESH_FUNCTION);
};

const upSqlite = async (knex) => {
  await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS review_search USING fts5(
    document_id UNINDEXED, title, film, excerpt, body, tokenize = 'porter unicode61 remove_diacritics 2'
  )`);
};

module.exports = {
  async up(knex) {
    if (isPostgres(knex)) await upPostgres(knex);
    else await upSqlite(knex);
    await createIndexes(knex);
    await createCommentThreads(knex);
  },
  INDEXES,
  FILL_COMMENT_THREADS,
  REFRESH_FUNCTION,
};
