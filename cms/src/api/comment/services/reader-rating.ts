import type { Core } from '@strapi/strapi';
import { tableMetadata } from '../../../strapi/internals';

const COMMENT = 'api::comment.comment';
const REVIEW = 'api::review.review';

export interface ReaderRating {
  /** Mean of the counted stars, to one decimal. */
  average: number;
  count: number;
}

/** The database names Strapi chose for the comment and review tables, read from its metadata, not guessed. */
const names = (strapi: Core.Strapi) => {
  const comment = tableMetadata(strapi, COMMENT);
  const review = tableMetadata(strapi, REVIEW);
  const column = (attribute: string) => {
    const name = comment.attributes[attribute]?.columnName;
    if (!name) throw new Error(`The comment attribute ${attribute} has no column`);
    return name;
  };
  const link = comment.attributes.review?.joinTable;
  const documentId = review.attributes.documentId?.columnName;
  if (!link || !documentId) throw new Error('The comment-review relation is not stored in a join table');
  return {
    comments: comment.tableName,
    reviews: review.tableName,
    reviewDocumentId: documentId,
    link: link.name,
    linkComment: link.joinColumn.name,
    linkReview: link.inverseJoinColumn.name,
    rating: column('rating'),
    email: column('authorEmail'),
    status: column('moderationStatus'),
    hidden: column('hiddenByReports'),
    createdAt: column('createdAt'),
  };
};

/** The counted ratings of one review and the sum of their stars, as `comment_thread_stats` keeps them. */
export interface RatingTotals {
  count: number;
  total: number;
}

/**
 * Totals the readers' ratings of one review's film. Only visible (approved, not hidden by reports) rated comments
 * count, and each email once: its latest such comment replaces the earlier ones.
 *
 * One SQL statement that returns one row: the review's comments are reached through the relation's join table
 * (indexed on the review), filtered on status and hidden, and the window function keeps the latest rated comment per
 * email before summing. No comment row is loaded into Node. It walks the review's rated comments, so it runs when a
 * write changes what the public sees (services/thread-index.ts), not on every read. `knex` is the write's transaction
 * where there is one (SQLite has one connection).
 */
export const ratingTotals = async (strapi: Core.Strapi, knex: Core.Strapi['db']['connection'], reviewDocumentId: string): Promise<RatingTotals> => {
  const n = names(strapi);
  const latest = knex
    .select({ rating: `c.${n.rating}` })
    .select(knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as pick', [`c.${n.email}`, `c.${n.createdAt}`, 'c.id']))
    .from({ r: n.reviews })
    .join({ l: n.link }, `l.${n.linkReview}`, 'r.id')
    .join({ c: n.comments }, 'c.id', `l.${n.linkComment}`)
    .where(`r.${n.reviewDocumentId}`, reviewDocumentId)
    .where(`c.${n.status}`, 'approved')
    .where(`c.${n.hidden}`, false)
    .whereNotNull(`c.${n.rating}`);
  const row: { count?: unknown; total?: unknown } | undefined = await knex
    .from(latest.as('latest'))
    .where('pick', 1)
    .first(knex.raw('count(*) as count'), knex.raw('coalesce(sum(rating), 0) as total'));
  // PostgreSQL answers count and sum as bigint strings; SQLite as numbers.
  return { count: Number(row?.count ?? 0), total: Number(row?.total ?? 0) };
};

/** The readers' rating as the site shows it, or null below `minimum` ratings. */
export const readerRating = ({ count, total }: RatingTotals, minimum: number): ReaderRating | null => {
  if (count < minimum || count === 0 || !Number.isFinite(total)) return null;
  return { average: Math.round((total / count) * 10) / 10, count };
};
