import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { z } from 'zod';
import { searchService } from './search';

// In the order Strapi runs them (by name).
const MIGRATIONS = [
  '2026.11.25T00.00.00.scale-search-and-indexes.js',
  '2026.12.03T00.00.00.thread-positions.js',
  '2026.12.04T00.00.00.comment-totals.js',
  '2026.12.06T00.00.00.search-typo-words.js',
];
const migrationSchema = z.object({ up: z.function() });

/**
 * Strapi runs user migrations before its schema sync: on a fresh database the search migration finds no content
 * tables to index. Running the same idempotent migrations again once the sync is done completes them; then an empty
 * index (a database that had reviews before search existed) is filled from what is published.
 */
export const ensureSearchSchema = async (strapi: Core.Strapi) => {
  for (const name of MIGRATIONS) {
    const migration = migrationSchema.parse(
      await import(path.join(strapi.dirs.app.root, 'database', 'migrations', name)),
    );
    const up = migration.up as (knex: typeof strapi.db.connection) => Promise<void>;
    await up(strapi.db.connection);
  }
  const knex = strapi.db.connection;
  const [indexed] = await knex('review_search').count({ count: '*' });
  if (Number(indexed?.count ?? 0) > 0) return;
  const published = await strapi.db
    .query('api::review.review')
    .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] });
  await searchService(strapi).refresh(published.map((row: { documentId: string }) => row.documentId));
};
