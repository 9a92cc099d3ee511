import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { z } from 'zod';
import { searchService } from './search';

const MIGRATION = '2026.11.25T00.00.00.scale-search-and-indexes.js';
const migrationSchema = z.object({ up: z.function() });

/**
 * Strapi runs user migrations before its schema sync: on a fresh database the search migration finds no content
 * tables to index. Running the same idempotent migration again once the sync is done completes it; then an empty
 * index (a database that had reviews before search existed) is filled from what is published.
 */
export const ensureSearchSchema = async (strapi: Core.Strapi) => {
  const file = path.join(strapi.dirs.app.root, 'database', 'migrations', MIGRATION);
  const migration = migrationSchema.parse(await import(file));
  const up = migration.up as (knex: typeof strapi.db.connection) => Promise<void>;
  await up(strapi.db.connection);
  const knex = strapi.db.connection;
  const [indexed] = await knex('review_search').count({ count: '*' });
  if (Number(indexed?.count ?? 0) > 0) return;
  const published = await strapi.db.query('api::review.review').findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] });
  await searchService(strapi).refresh(published.map((row: { documentId: string }) => row.documentId));
};
