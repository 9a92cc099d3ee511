'use strict';

/**
 * Typo-tolerant search on PostgreSQL: the words the published reviews use, for finding the word a reader meant.
 *
 * `review_search_words` holds every distinct lower-case word (3 to 40 characters, the `simple` text-search
 * configuration: not stemmed) of the search index's title, film titles and text, with a trigram index so that the
 * words near a query word are found without reading them all; `levenshtein_less_equal` (fuzzystrmatch) then keeps
 * those within the typo budget (src/api/search/services/search.ts). A statement trigger on `review_search` adds the
 * words of every row it gains, so each way the index is filled (publish, bootstrap, the scale generator) fills this
 * too. Words are never removed: one left by an unpublished review only finds what the index still holds.
 * Idempotent like the search migration; bootstrap runs it again after Strapi's schema sync.
 * SQLite: the same table, filled by the CMS as it indexes a review (`insertWords`).
 */

const isPostgres = (knex) => ['postgres', 'pg', 'postgresql'].includes(String(knex.client.config.client));

const WORDS_OF = (rows) => `
  SELECT DISTINCT w FROM ${rows} AS s, unnest(tsvector_to_array(to_tsvector('simple', s.label || ' ' || s.content))) AS w
  WHERE length(w) BETWEEN 3 AND 40`;

/** SQLite: the words of a text, as FTS5's unicode61 tokenizer splits them (src/api/search/services/search.ts adds each newly indexed review's). */
const wordsOf = (text) =>
  [
    ...new Set(
      String(text)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [],
    ),
  ].filter((w) => w.length >= 3 && w.length <= 40);

const insertWords = async (knex, text) => {
  const words = wordsOf(text);
  // SQLite binds at most 999 variables per statement by default in older builds.
  for (let i = 0; i < words.length; i += 500) {
    const chunk = words.slice(i, i + 500);
    await knex.raw(
      `INSERT OR IGNORE INTO review_search_words (word) VALUES ${chunk.map(() => '(?)').join(', ')}`,
      chunk,
    );
  }
};

module.exports = {
  async up(knex) {
    if (!isPostgres(knex)) {
      await knex.raw('CREATE TABLE IF NOT EXISTS review_search_words (word text PRIMARY KEY) WITHOUT ROWID');
      const [{ filled }] = await knex.raw('SELECT EXISTS (SELECT 1 FROM review_search_words) AS filled');
      if (!filled && (await knex.schema.hasTable('review_search'))) {
        for (const row of await knex('review_search').select('title', 'film', 'excerpt', 'body')) {
          await insertWords(knex, [row.title, row.film, row.excerpt, row.body].join(' '));
        }
      }
      return;
    }
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await knex.raw('CREATE EXTENSION IF NOT EXISTS fuzzystrmatch');
    if (!(await knex.schema.hasTable('review_search'))) return;
    await knex.raw('CREATE TABLE IF NOT EXISTS review_search_words (word text PRIMARY KEY)');
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS review_search_words_trgm ON review_search_words USING gin (word gin_trgm_ops)',
    );
    await knex.raw(`CREATE OR REPLACE FUNCTION marquee_review_search_words() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO review_search_words (word) ${WORDS_OF('added')} ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`);
    await knex.raw(`CREATE OR REPLACE TRIGGER marquee_review_search_words AFTER INSERT ON review_search
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION marquee_review_search_words()`);
    // Rows indexed before this migration (the trigger sees only new ones); once, so a start stays cheap.
    const { rows } = await knex.raw('SELECT EXISTS (SELECT 1 FROM review_search_words) AS filled');
    if (!rows[0]?.filled)
      await knex.raw(`INSERT INTO review_search_words (word) ${WORDS_OF('review_search')} ON CONFLICT DO NOTHING`);
  },
};
