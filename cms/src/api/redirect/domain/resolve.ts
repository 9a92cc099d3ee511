import type { Core } from '@strapi/strapi';
import { normalizePath, reviewPath } from './paths';

const REDIRECT = 'api::redirect.redirect';
const REVIEW = 'api::review.review';

export type Resolution = { status: 301 | 302; location: string } | { status: 410 } | null;

interface RedirectRow {
  reviewDocumentId: string | null;
  toPath: string | null;
  permanent: boolean | number | null;
}

/** A review's comment pages follow it: `/reviews/old/comments/2` goes where `/reviews/old` goes, page kept. */
const COMMENT_PAGES = /^(\/reviews\/[^/]+)(\/comments\/[1-9]\d{0,3})$/;

const lookup = (strapi: Core.Strapi, fromPath: string): Promise<RedirectRow | null> =>
  strapi.db.query(REDIRECT).findOne({ where: { fromPath }, select: ['reviewDocumentId', 'toPath', 'permanent'] });

/**
 * Where an old path of the site now leads: a renamed review's current URL, a hand-made redirect's target, 410 for a
 * deleted review, or null (no redirect: the path answers what it answers, 404 for an unpublished review's).
 */
export const resolveRedirect = async (strapi: Core.Strapi, path: string): Promise<Resolution> => {
  const normalized = normalizePath(path);
  if (!normalized) return null;
  let suffix = '';
  let row = await lookup(strapi, normalized);
  const pages = COMMENT_PAGES.exec(normalized);
  if (!row && pages?.[1] && pages[2]) {
    row = await lookup(strapi, pages[1]);
    suffix = pages[2];
  }
  if (!row) return null;
  const status = row.permanent === false || row.permanent === 0 ? 302 : 301;
  if (row.reviewDocumentId) {
    const live: { slug?: string } | null = await strapi.db
      .query(REVIEW)
      .findOne({ where: { documentId: row.reviewDocumentId, publishedAt: { $notNull: true } }, select: ['slug'] });
    if (live?.slug) return { status, location: `${reviewPath(live.slug)}${suffix}` };
    const draft = await strapi.db
      .query(REVIEW)
      .findOne({ where: { documentId: row.reviewDocumentId }, select: ['id'] });
    return draft ? null : { status: 410 };
  }
  if (row.toPath) return { status, location: row.toPath };
  return { status: 410 };
};
