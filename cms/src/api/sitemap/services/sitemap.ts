import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/** The sitemap protocol's limit per file: one page never holds more than one sitemap may list. */
export const SITEMAP_MAX_PAGE_SIZE = 50_000;
export const SITEMAP_DEFAULT_PAGE_SIZE = 5_000;

// PostgreSQL gives a Date, SQLite a string or epoch milliseconds.
const rowSchema = z.object({ slug: z.string(), updatedAt: z.union([z.string(), z.number(), z.date()]) });

/**
 * Published reviews' slug and last change, newest first, one page: read straight from the published rows (Strapi 5
 * keeps a draft and a published row per document; the published one has `published_at`), two columns, no relation,
 * in the order of the list index (published_at desc, id desc), so a page costs the same at any size.
 */
export const sitemapService = (strapi: Core.Strapi) => ({
  async reviews(page: number, pageSize: number) {
    const where = { publishedAt: { $notNull: true } };
    const query = strapi.db.query('api::review.review');
    const [rows, total] = await Promise.all([
      query.findMany({
        where,
        select: ['slug', 'updatedAt'],
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }),
      query.count({ where }),
    ]);
    const data = z
      .array(rowSchema)
      .parse(rows)
      .map((row) => ({ slug: row.slug, updatedAt: new Date(row.updatedAt).toISOString() }));
    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },
});
