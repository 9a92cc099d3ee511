import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/**
 * Parameters that choose which page of rows is read, or how, but not which rows are counted: a count with nothing
 * else counts the whole table. `status` and `locale` select nothing on comments (no draft and publish, no i18n).
 */
const PAGING = new Set([
  'page',
  'pageSize',
  'start',
  'limit',
  'pagination',
  'sort',
  'fields',
  'populate',
  'status',
  'locale',
]);

/** True for a filter that selects nothing away: absent, or objects and lists with nothing in them. */
const isEmptyFilter = (value: unknown): boolean => {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.every(isEmptyFilter);
  if (typeof value === 'object') return Object.values(value).every(isEmptyFilter);
  return false;
};

/** Whether a count's parameters count every comment (the admin's list with no filter and no search). */
export const countsWholeTable = (params: unknown): boolean => {
  if (params === undefined || params === null) return true;
  if (typeof params !== 'object') return false;
  return Object.entries(params).every(([key, value]) => {
    if (PAGING.has(key)) return true;
    if (key === 'filters') return isEmptyFilter(value);
    if (key === '_q') return value === undefined || value === null || String(value).trim() === '';
    return false;
  });
};

const totalsRow = z.object({ comments: z.union([z.number(), z.string()]).transform(Number) });

/**
 * The number of comments, kept by triggers on `comments` (database/migrations/2026.12.04T00.00.00.comment-totals.js);
 * null before the migration has made its table.
 */
export const commentTotal = async (strapi: Core.Strapi): Promise<number | null> => {
  const row: unknown = await strapi.db.connection('comment_totals').where({ id: 1 }).first('comments');
  return row === undefined ? null : totalsRow.parse(row).comments;
};
