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
    ipHash: column('ipHash'),
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
 * count, and each reader once, as far as the CMS can tell one: the latest such comment of an email replaces its
 * earlier ones, then the latest of those from one address (IP hash) replaces the others from that address. A comment
 * whose address was already erased (retention) counts by its email alone.
 *
 * One SQL statement that returns one row: the review's comments are reached through the relation's join table
 * (indexed on the review), filtered on status and hidden, and two window functions keep the latest rated comment per
 * email, then per address, before summing. No comment row is loaded into Node. It walks the review's rated comments, so it runs when a
 * write changes what the public sees (services/thread-index.ts), not on every read. `knex` is the write's transaction
 * where there is one (SQLite has one connection).
 */
export const ratingTotals = async (
  strapi: Core.Strapi,
  knex: Core.Strapi['db']['connection'],
  reviewDocumentId: string,
): Promise<RatingTotals> => {
  const n = names(strapi);
  const latestPerEmail = knex
    .select({ rating: `c.${n.rating}`, address: `c.${n.ipHash}`, created: `c.${n.createdAt}`, id: 'c.id' })
    .select(
      knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as pick', [
        `c.${n.email}`,
        `c.${n.createdAt}`,
        'c.id',
      ]),
    )
    .from({ r: n.reviews })
    .join({ l: n.link }, `l.${n.linkReview}`, 'r.id')
    .join({ c: n.comments }, 'c.id', `l.${n.linkComment}`)
    .where(`r.${n.reviewDocumentId}`, reviewDocumentId)
    .where(`c.${n.status}`, 'approved')
    .where(`c.${n.hidden}`, false)
    .whereNotNull(`c.${n.rating}`);
  const latestPerAddress = knex
    .select('rating', 'address')
    .select(
      knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as pick', ['address', 'created', 'id']),
    )
    .from(latestPerEmail.as('per_email'))
    .where('pick', 1);
  const row: { count?: unknown; total?: unknown } | undefined = await knex
    .from(latestPerAddress.as('per_address'))
    .where((query) => query.where('pick', 1).orWhereNull('address'))
    .first(knex.raw('count(*) as count'), knex.raw('coalesce(sum(rating), 0) as total'));
  // PostgreSQL answers count and sum as bigint strings; SQLite as numbers.
  return { count: Number(row?.count ?? 0), total: Number(row?.total ?? 0) };
};

/** The readers' rating as the site shows it, or null below `minimum` ratings. */
export const readerRating = ({ count, total }: RatingTotals, minimum: number): ReaderRating | null => {
  if (count < minimum || count === 0 || !Number.isFinite(total)) return null;
  return { average: Math.round((total / count) * 10) / 10, count };
};
