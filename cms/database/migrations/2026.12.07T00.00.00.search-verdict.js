'use strict';

/**
 * The search index holds each review's verdict (with its sections' text, the lowest weight): words found only in a
 * verdict are found. This rebuilds the index of a database made before, once (Strapi records it as run): on
 * PostgreSQL with the refresh function as the search migration now defines it (bootstrap re-creates that function at
 * every start, but runs only after Strapi's own migrations), on SQLite by emptying the index, which bootstrap refills
 * from what is published (src/api/search/services/schema.ts). A fresh database has no tables yet here: nothing to do.
 */

const isPostgres = (knex) => ['postgres', 'pg', 'postgresql'].includes(String(knex.client.config.client));

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('review_search')) || !(await knex.schema.hasTable('reviews'))) return;
    if (isPostgres(knex)) {
      const search = await import('./2026.11.25T00.00.00.scale-search-and-indexes.js');
      await knex.raw(search.REFRESH_FUNCTION ?? search.default.REFRESH_FUNCTION);
      await knex.raw('SELECT marquee_refresh_review_search(NULL)');
    } else {
      await knex('review_search').delete();
    }
  },
};
