import type { Core } from '@strapi/strapi';

const COMMENT = 'api::comment.comment';
const REVIEW = 'api::review.review';

export interface ReaderRating {
  /** Mean of the counted stars, to one decimal. */
  average: number;
  count: number;
}

interface Column {
  columnName?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

/** The database names Strapi chose for the comment and review tables, read from its metadata, not guessed. */
const names = (strapi: Core.Strapi) => {
  const comment = strapi.db.metadata.get(COMMENT) as unknown as { tableName: string; attributes: Record<string, Column> };
  const review = strapi.db.metadata.get(REVIEW) as unknown as { tableName: string; attributes: Record<string, Column> };
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

/**
 * The readers' rating of one review's film, or null below `minimum` ratings. Only visible (approved, not hidden by
 * reports) rated comments count, and each email once: its latest such comment replaces the earlier ones.
 *
 * One SQL statement that returns one row, whatever the thread's size: the review's comments are reached through the
 * relation's join table (indexed on the review), filtered on status and hidden, and the window function keeps the
 * latest rated comment per email before averaging. No comment row is loaded into Node.
 */
export const readerRating = async (strapi: Core.Strapi, reviewDocumentId: string, minimum: number): Promise<ReaderRating | null> => {
  const n = names(strapi);
  const knex = strapi.db.connection;
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
  const row: { count?: unknown; average?: unknown } | undefined = await knex
    .from(latest.as('latest'))
    .where('pick', 1)
    .first(knex.raw('count(*) as count'), knex.raw('avg(rating) as average'));
  // PostgreSQL answers count as a bigint string and avg as a numeric string; SQLite as numbers.
  const count = Number(row?.count ?? 0);
  const average = Number(row?.average);
  if (count < minimum || count === 0 || !Number.isFinite(average)) return null;
  return { average: Math.round(average * 10) / 10, count };
};
