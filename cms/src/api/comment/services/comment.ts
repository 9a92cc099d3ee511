import { factories } from '@strapi/strapi';
import { z } from 'zod';
import type { MarqueeConfig } from '../../../../config/marquee';
import { moderationSettings } from '../../../settings/moderation';
import { depthOf } from '../domain/depth';
import { messages } from '../domain/messages';
import { CommentRejection } from '../domain/rejection';
import { readerRating } from './reader-rating';
import { threadStats } from './thread-index';
import { VISIBLE } from '../domain/visible';
import {
  MAX_DEPTH,
  checkFormToken,
  hashIp,
  moderate,
  nameKey,
  parseSubmission,
  parseWordList,
  type ModerationStatus,
} from '../domain/rules';

const COMMENT = 'api::comment.comment';
const REVIEW = 'api::review.review';

export interface Reader {
  ip: string | null;
  userAgent: string | null;
}

/** What anyone may see of a comment. Built field by field: private fields cannot slip in. */
export interface PublicComment {
  documentId: string;
  authorName: string;
  authorWebsite: string | null;
  body: string;
  createdAt: string;
  /** Written by the site's staff from the moderation desk. */
  isStaff: boolean;
  /** The published FAQ this comment's question became: only its documentId, the anchor of its answer on the review. */
  faq: { documentId: string } | null;
  /** The stars this comment gave the film, if any; whose rating it is stays as anonymous as the comment itself. */
  rating: number | null;
  replies: PublicComment[];
}

const PUBLIC_FIELDS = ['documentId', 'authorName', 'authorWebsite', 'body', 'createdAt', 'isStaff', 'rating'] as const;

const toIso = (value: unknown): string => new Date(String(value)).toISOString();

const commentSettings = async () => {
  const stored = await moderationSettings(strapi);
  return { ...stored, heldWords: parseWordList(stored.heldWords), blockedWords: parseWordList(stored.blockedWords) };
};

/**
 * Whether a public submission uses an admin user's email, or a name that the site shows with the Staff badge (an
 * admin's name as the desk signs replies, or the name on any staff reply).
 */
const adminRows = z.array(
  z.object({
    email: z.string(),
    firstname: z.string().nullish(),
    lastname: z.string().nullish(),
    username: z.string().nullish(),
  }),
);
const staffReplyRows = z.array(z.object({ authorName: z.string() }));

const usesStaffIdentity = async (email: string, name: string) => {
  const admins = adminRows.parse(
    await strapi.db.query('admin::user').findMany({ select: ['email', 'firstname', 'lastname', 'username'] }),
  );
  if (admins.some((admin) => admin.email.toLowerCase() === email)) return true;
  const staffReplies = staffReplyRows.parse(
    await strapi.db.query(COMMENT).findMany({ where: { isStaff: true }, select: ['authorName'] }),
  );
  const names = new Set(
    [
      ...admins.flatMap((admin) => [[admin.firstname, admin.lastname].filter(Boolean).join(' '), admin.username ?? '']),
      ...staffReplies.map((reply) => reply.authorName),
    ]
      .map(nameKey)
      .filter(Boolean),
  );
  return names.has(nameKey(name));
};

export default factories.createCoreService(COMMENT, () => ({
  /**
   * Applies every comment rule to one submission and stores it.
   * @throws CommentRejection with the status and field errors to answer.
   */
  async submit(raw: unknown, reader: Reader) {
    const parsed = parseSubmission(raw);
    if (!parsed.ok) throw new CommentRejection(400, messages.invalid, parsed.errors);
    const input = parsed.value;
    const config = strapi.config.get<MarqueeConfig>('marquee');
    const settings = await commentSettings();

    const review = await strapi.documents(REVIEW).findOne({
      documentId: input.review,
      status: 'published',
      fields: ['commentsOpen', 'publishedAt', 'slug'],
    });
    if (!review)
      throw new CommentRejection(404, messages.reviewNotFound, [
        { path: ['review'], message: messages.reviewNotFound },
      ]);
    const closedByAge =
      settings.closeAfterDays > 0 &&
      review.publishedAt &&
      Date.now() - new Date(review.publishedAt).getTime() > settings.closeAfterDays * 86_400_000;
    if (!review.commentsOpen || closedByAge) throw new CommentRejection(403, messages.commentsClosed);

    if (input.parent) {
      const parent = await strapi.db.query(COMMENT).findOne({
        where: { documentId: input.parent, ...VISIBLE },
        populate: { review: { select: ['documentId'] } },
      });
      const parentError = (message: string) => new CommentRejection(400, message, [{ path: ['parent'], message }]);
      if (!parent)
        throw new CommentRejection(404, messages.parentNotFound, [
          { path: ['parent'], message: messages.parentNotFound },
        ]);
      if (parent.review?.documentId !== input.review) throw parentError(messages.parentOtherReview);
      if ((await depthOf(strapi, input.parent)) >= MAX_DEPTH) throw parentError(messages.tooDeep);
    }

    const duplicate = await strapi.db.query(COMMENT).findOne({
      where: { review: { documentId: input.review }, authorEmail: input.authorEmail, body: input.body },
      select: ['id'],
    });
    if (duplicate)
      throw new CommentRejection(409, messages.duplicate, [{ path: ['body'], message: messages.duplicate }]);

    const ipHash = reader.ip ? hashIp(reader.ip, config.ipHashSecret) : null;
    if (settings.floodIntervalSeconds > 0) {
      const since = new Date(Date.now() - settings.floodIntervalSeconds * 1000);
      const recent = await strapi.db.query(COMMENT).findOne({
        where: {
          createdAt: { $gt: since },
          $or: [{ authorEmail: input.authorEmail }, ...(ipHash ? [{ ipHash }] : [])],
        },
        select: ['id'],
      });
      if (recent) throw new CommentRejection(429, messages.flood);
    }

    // Only a reader's own approved comments make an address known: a staff reply written from the desk does not.
    const returning =
      (await strapi.db
        .query(COMMENT)
        .count({ where: { authorEmail: input.authorEmail, moderationStatus: 'approved', isStaff: false } })) > 0;
    const verdict = moderate({
      submission: input,
      formToken: checkFormToken(input.formToken, config.commentFormSecret, Date.now(), config.minSubmitSeconds),
      settings,
      returning,
      impersonatesStaff: await usesStaffIdentity(input.authorEmail, input.authorName),
    });

    const created = await strapi.documents(COMMENT).create({
      data: {
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        // Strapi's generated input types take undefined, not null, for "not set".
        authorWebsite: input.authorWebsite ?? undefined,
        body: input.body,
        moderationStatus: verdict.status,
        heldReason: verdict.reason ?? undefined,
        review: input.review,
        parent: input.parent ?? undefined,
        rating: input.rating ?? undefined,
        ipHash: ipHash ?? undefined,
        userAgent: reader.userAgent?.slice(0, 400),
      },
    });

    // Spam never subscribes anyone: a bot could otherwise make Marquee email confirmations to strangers.
    if ((input.notifyReplies || input.notifyApproval) && verdict.status !== 'spam') {
      try {
        await strapi.service('api::mail-subscriber.mail-subscriber').subscribe({
          email: input.authorEmail,
          reviewDocumentId: input.review,
          commentDocumentId: created.documentId,
          notifyReplies: input.notifyReplies ?? false,
          notifyApproval: input.notifyApproval ?? false,
        });
      } catch (error) {
        // The comment is saved; losing a subscription must not turn that into an error for the reader.
        strapi.log.error(`Could not store the email subscriptions of comment ${created.documentId}: ${String(error)}`);
      }
    }

    // A bot is told what a person would be told; only a moderator sees that it went to spam.
    const shownStatus: ModerationStatus = verdict.status === 'approved' ? 'approved' : 'pending';
    return {
      documentId: created.documentId,
      authorName: created.authorName,
      authorWebsite: created.authorWebsite ?? null,
      body: created.body,
      createdAt: toIso(created.createdAt),
      rating: created.rating ?? null,
      parent: input.parent,
      moderationStatus: shownStatus,
    };
  },

  /**
   * The approved comments of one published review, threaded, paginated by top-level comment, oldest first.
   * Its cost follows the page, not the review: one count and one page of top-level comments (both from the
   * comment_threads index of the scale migration), then the replies of that page's comments only, one query per
   * depth level.
   */
  /**
   * Where readers find one comment of a published review: the page of the thread its top-level comment falls on, for
   * pages of pageSize. Null when readers cannot see it there: unknown, another review's, not visible, or under a
   * comment that is not.
   */
  async locate(slug: string, documentId: string, pageSize: number): Promise<number | null> {
    const review = await strapi
      .documents(REVIEW)
      .findFirst({ filters: { slug }, status: 'published', fields: ['slug'] });
    if (!review) return null;
    type Row = { id: number; parent?: { id: number } | null };
    let row = (await strapi.db.query(COMMENT).findOne({
      where: { documentId, ...VISIBLE, review: { documentId: review.documentId } },
      select: ['id'],
      populate: { parent: { select: ['id'] } },
    })) as Row | null;
    for (let depth = 1; row?.parent && depth < MAX_DEPTH; depth += 1) {
      row = (await strapi.db.query(COMMENT).findOne({
        where: { id: row.parent.id, ...VISIBLE },
        select: ['id'],
        populate: { parent: { select: ['id'] } },
      })) as Row | null;
    }
    if (!row || row.parent) return null;
    const thread: { position: number | null } | undefined = await strapi.db
      .connection('comment_threads')
      .where({ comment_id: row.id, review_document_id: review.documentId })
      .first('position');
    return thread?.position ? Math.ceil(thread.position / pageSize) : null;
  },

  async listApproved(slug: string, page: number, pageSize: number) {
    const review = await strapi
      .documents(REVIEW)
      .findFirst({ filters: { slug }, status: 'published', fields: ['slug'] });
    if (!review) return null;

    // comment_threads and comment_thread_stats (kept by services/thread-index.ts) answer which top-level comments,
    // and how many, from one index: a page is the visible comments whose place in the thread falls on it, whatever
    // page it is; Strapi's link tables would join every comment of the review, and an OFFSET walk every earlier one.
    const first = (page - 1) * pageSize + 1;
    const [stats, pageIds, { readerRatingMinimum }] = await Promise.all([
      threadStats(strapi, review.documentId),
      strapi.db
        .connection('comment_threads')
        .where({ review_document_id: review.documentId })
        .whereBetween('position', [first, first + pageSize - 1])
        .orderBy('position')
        .select('comment_id'),
      moderationSettings(strapi),
    ]);
    const total = stats.roots;
    const rating = readerRating(stats.rating, readerRatingMinimum);
    const ids = (pageIds as { comment_id: number }[]).map((row) => row.comment_id);
    const top =
      ids.length === 0
        ? []
        : await strapi.db.query(COMMENT).findMany({
            where: { id: { $in: ids }, ...VISIBLE },
            select: ['id', ...PUBLIC_FIELDS],
            populate: { faq: { select: ['documentId'] } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          });
    // A reply's review is its parent's (submit checks it), so following parents from this page's comments stays
    // within the review without filtering on it again.
    const replies: typeof top = [];
    let level = top;
    for (let depth = 2; depth <= MAX_DEPTH && level.length > 0; depth += 1) {
      level = await strapi.db.query(COMMENT).findMany({
        where: { ...VISIBLE, parent: { id: { $in: level.map((row) => row.id) } } },
        select: ['id', ...PUBLIC_FIELDS],
        populate: { parent: { select: ['documentId'] }, faq: { select: ['documentId'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      replies.push(...level);
    }

    // A comment links to its FAQ only once that FAQ is published: a draft's existence is not the public's business.
    const faqIds = [...top, ...replies]
      .map((row) => row.faq?.documentId)
      .filter((id): id is string => typeof id === 'string');
    const publishedFaqs = new Set(
      faqIds.length
        ? (
            await strapi.db.query('api::faq.faq').findMany({
              where: { documentId: { $in: faqIds }, publishedAt: { $notNull: true } },
              select: ['documentId'],
            })
          ).map((row) => String(row.documentId))
        : [],
    );

    const toPublic = (row: Record<string, unknown>): PublicComment => ({
      documentId: String(row.documentId),
      authorName: String(row.authorName),
      authorWebsite: typeof row.authorWebsite === 'string' && row.authorWebsite ? row.authorWebsite : null,
      body: String(row.body),
      createdAt: toIso(row.createdAt),
      isStaff: row.isStaff === true,
      faq:
        typeof (row.faq as { documentId?: unknown } | null)?.documentId === 'string' &&
        publishedFaqs.has((row.faq as { documentId: string }).documentId)
          ? { documentId: (row.faq as { documentId: string }).documentId }
          : null,
      rating: typeof row.rating === 'number' ? row.rating : null,
      replies: [],
    });
    const byParent = new Map<string, Record<string, unknown>[]>();
    for (const reply of replies) {
      const parentId = reply.parent?.documentId;
      if (typeof parentId !== 'string') continue;
      byParent.set(parentId, [...(byParent.get(parentId) ?? []), reply]);
    }
    // A reply whose parent is not approved stays hidden with its parent.
    const thread = (row: Record<string, unknown>, depth: number): PublicComment => ({
      ...toPublic(row),
      replies:
        depth >= MAX_DEPTH ? [] : (byParent.get(String(row.documentId)) ?? []).map((child) => thread(child, depth + 1)),
    });

    return {
      data: top.map((row) => thread(row, 1)),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total }, readerRating: rating },
    };
  },
}));
