import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import type { MarqueeConfig } from '../../../../config/marquee';
import { depthOf } from '../../comment/domain/depth';
import { MAX_DEPTH, cleanText } from '../../comment/domain/rules';
import { erasePersonalData, exportPersonalData, normaliseEmail, type EraseMode } from '../../../utils/personal-data';

const COMMENT = 'api::comment.comment';
const REPORT = 'api::comment-report.comment-report';
const FAQ = 'api::faq.faq';
const LOG = 'api::moderation-desk.privacy-log';

export const TABS = ['pending', 'reported', 'approved', 'spam', 'rejected'] as const;
export type Tab = (typeof TABS)[number];
export const DECISIONS = ['approved', 'spam', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];
/**
 * The FAQ question's schema says 300 characters, but a Strapi `string` is a varchar(255) column on PostgreSQL, which
 * refuses more: 255 is what every database stores.
 */
export const FAQ_QUESTION_MAX = 255;
export const REPLY_MAX = 5000;

/** What the desk says back when an action cannot be done; the admin UI shows these as they are. */
export const deskMessages = {
  tabInvalid: `tab must be one of ${TABS.join(', ')}.`,
  statusInvalid: `status must be one of ${DECISIONS.join(', ')}.`,
  idsInvalid: 'Choose between 1 and 100 comments.',
  commentNotFound: 'This comment no longer exists.',
  replyRequired: 'Write a reply first.',
  replyTooLong: `A reply must be at most ${REPLY_MAX.toLocaleString('en')} characters.`,
  replyToRemoved: 'Replies can only go under a pending or approved comment.',
  tooDeep: `Replies can only be nested ${MAX_DEPTH} levels deep.`,
  noReview: 'This comment is not on a review.',
  alreadyFaq: 'This comment already has an FAQ.',
  emailInvalid: 'Enter the email address the reader commented with.',
  modeInvalid: 'Choose whether to anonymise or remove the comments.',
} as const;

export class DeskError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The admin user acting, as the admin API's auth leaves it in ctx.state.user. */
export interface Moderator {
  id: number;
  email: string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

const staffName = (admin: Moderator) =>
  [admin.firstname, admin.lastname]
    .filter((part) => part && part.trim())
    .join(' ')
    .trim() ||
  admin.username ||
  'Staff';

const whereFor = (tab: Tab): Record<string, unknown> =>
  tab === 'reported' ? { $or: [{ reportCount: { $gt: 0 } }, { hiddenByReports: true }] } : { moderationStatus: tab };

// The queue is worked oldest first; the archives are read newest first.
const orderFor = (tab: Tab) =>
  tab === 'pending'
    ? [{ createdAt: 'asc' }, { id: 'asc' }]
    : tab === 'reported'
      ? [{ reportCount: 'desc' }, { createdAt: 'asc' }]
      : [{ createdAt: 'desc' }, { id: 'desc' }];

const iso = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);

export const createDesk = (strapi: Core.Strapi) => {
  const siteUrl = () => strapi.config.get<MarqueeConfig>('marquee').siteUrl.replace(/\/+$/, '');
  const comments = () => strapi.db.query(COMMENT);

  const findComment = async (documentId: string) => {
    const row = await comments().findOne({
      where: { documentId },
      populate: { review: { select: ['documentId', 'slug', 'title'] }, faq: { select: ['documentId'] } },
    });
    if (!row) throw new DeskError(404, deskMessages.commentNotFound);
    return row;
  };

  /** Open reports of a moderated comment are settled by the moderator's decision, whatever it is. */
  const settleReports = async (documentId: string) => {
    // updateMany cannot filter through a relation (no join in an UPDATE): the ids first.
    const open = await strapi.db
      .query(REPORT)
      .findMany({ where: { comment: { documentId }, resolved: false }, select: ['id'] });
    if (open.length)
      await strapi.db
        .query(REPORT)
        .updateMany({ where: { id: { $in: open.map((row) => row.id) } }, data: { resolved: true } });
  };

  const desk = {
    async counts(): Promise<Record<Tab, number>> {
      const entries = await Promise.all(
        TABS.map(async (tab) => [tab, await comments().count({ where: whereFor(tab) })] as const),
      );
      return Object.fromEntries(entries) as Record<Tab, number>;
    },

    async list(tab: Tab, page: number, pageSize: number) {
      const where = whereFor(tab);
      const [total, rows] = await Promise.all([
        comments().count({ where }),
        comments().findMany({
          where,
          select: [
            'documentId',
            'authorName',
            'authorWebsite',
            'body',
            'moderationStatus',
            'heldReason',
            'rating',
            'isStaff',
            'reportCount',
            'hiddenByReports',
            'ipHash',
            'createdAt',
          ],
          populate: {
            review: { select: ['documentId', 'slug', 'title'] },
            parent: { select: ['documentId', 'authorName', 'body', 'moderationStatus'] },
            faq: { select: ['documentId', 'question', 'publishedAt'] },
          },
          orderBy: orderFor(tab),
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
      ]);
      const ids = rows.map((row) => row.documentId as string);
      const reports = ids.length
        ? await strapi.db.query(REPORT).findMany({
            where: { comment: { documentId: { $in: ids } }, resolved: false },
            select: ['reason', 'note', 'createdAt'],
            populate: { comment: { select: ['documentId'] } },
            orderBy: [{ createdAt: 'asc' }],
          })
        : [];
      // How many other comments came from the same address (IP hash), which itself never leaves the CMS: one person
      // writing under several names shows here.
      const addresses = [
        ...new Set(
          rows.map((row) => row.ipHash).filter((hash): hash is string => typeof hash === 'string' && hash !== ''),
        ),
      ];
      const fromAddress = new Map(
        await Promise.all(
          addresses.map(async (ipHash) => [ipHash, await comments().count({ where: { ipHash } })] as const),
        ),
      );
      const reportsOf = (documentId: string) =>
        reports
          .filter((report) => report.comment?.documentId === documentId)
          .map((report) => ({ reason: report.reason, note: report.note ?? null, createdAt: iso(report.createdAt) }));
      return {
        data: rows.map((row) => ({
          documentId: row.documentId,
          authorName: row.authorName,
          authorWebsite: row.authorWebsite ?? null,
          body: row.body,
          status: row.moderationStatus,
          heldReason: row.heldReason ?? null,
          rating: row.rating ?? null,
          isStaff: row.isStaff === true,
          sameAddress: typeof row.ipHash === 'string' ? Math.max((fromAddress.get(row.ipHash) ?? 1) - 1, 0) : 0,
          reportCount: row.reportCount ?? 0,
          hiddenByReports: row.hiddenByReports === true,
          createdAt: iso(row.createdAt),
          review: row.review
            ? { documentId: row.review.documentId, slug: row.review.slug, title: row.review.title }
            : null,
          url: row.review?.slug
            ? `${siteUrl()}/reviews/${encodeURIComponent(row.review.slug)}#comment-${row.documentId}`
            : null,
          parent: row.parent
            ? {
                documentId: row.parent.documentId,
                authorName: row.parent.authorName,
                body: row.parent.body,
                status: row.parent.moderationStatus,
              }
            : null,
          faq: row.faq
            ? { documentId: row.faq.documentId, question: row.faq.question, published: Boolean(row.faq.publishedAt) }
            : null,
          reports: reportsOf(row.documentId as string),
        })),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /**
     * Approves, spams or rejects comments, each through the document service: its middlewares (the revalidation
     * notices) see every change exactly as they see a save in the content manager.
     */
    async setStatus(documentIds: string[], status: Decision, admin: Moderator) {
      const changed: string[] = [];
      for (const documentId of documentIds) {
        const row = await comments().findOne({ where: { documentId }, select: ['id'] });
        if (!row) continue;
        await strapi
          .documents(COMMENT)
          .update({ documentId, data: { moderationStatus: status, reportCount: 0, hiddenByReports: false } as never });
        await settleReports(documentId);
        changed.push(documentId);
      }
      strapi.log.info(`Moderation desk: ${admin.email} set ${changed.length} comment(s) to ${status}`);
      return { updated: changed };
    },

    /** A staff reply: approved at once, under the comment, by the admin by name; their email stays private. */
    async reply(documentId: string, rawBody: unknown, admin: Moderator) {
      // Staff text is cleaned as a reader's is: it is shown on the same public page.
      const body = typeof rawBody === 'string' ? cleanText(rawBody, true).trim() : '';
      if (!body) throw new DeskError(400, deskMessages.replyRequired);
      if (body.length > REPLY_MAX) throw new DeskError(400, deskMessages.replyTooLong);
      const parent = await findComment(documentId);
      if (!parent.review) throw new DeskError(400, deskMessages.noReview);
      if (parent.moderationStatus !== 'approved' && parent.moderationStatus !== 'pending')
        throw new DeskError(400, deskMessages.replyToRemoved);
      if ((await depthOf(strapi, documentId)) >= MAX_DEPTH) throw new DeskError(400, deskMessages.tooDeep);
      // Answering a held comment publishes it, as WordPress does: a reply under an invisible comment would be lost.
      if (parent.moderationStatus === 'pending') await desk.setStatus([documentId], 'approved', admin);
      const created = await strapi.documents(COMMENT).create({
        data: {
          authorName: staffName(admin).slice(0, 100),
          authorEmail: admin.email,
          body,
          moderationStatus: 'approved',
          isStaff: true,
          review: parent.review.documentId,
          parent: documentId,
        } as never,
      });
      strapi.log.info(`Moderation desk: ${admin.email} replied as staff to comment ${documentId}`);
      return {
        documentId: created.documentId,
        authorName: created.authorName,
        body: created.body,
        status: 'approved',
        isStaff: true,
      };
    },

    /**
     * A draft FAQ on the comment's review, its question the comment (optionally credited), linked from the comment.
     * The answer is left empty on purpose: the FAQ cannot be published until an editor writes one.
     */
    async promoteToFaq(documentId: string, options: { credit?: boolean }, admin: Moderator) {
      const comment = await findComment(documentId);
      if (!comment.review) throw new DeskError(400, deskMessages.noReview);
      if (comment.faq) throw new DeskError(409, deskMessages.alreadyFaq, { faq: comment.faq.documentId });
      const question = faqQuestion(String(comment.body), options.credit ? String(comment.authorName) : null);
      const last = await strapi.db.query(FAQ).findOne({
        where: { review: { documentId: comment.review.documentId } },
        select: ['order'],
        orderBy: [{ order: 'desc' }],
      });
      const faq = await strapi.documents(FAQ).create({
        data: {
          question,
          order: (typeof last?.order === 'number' ? last.order : 0) + 1,
          review: comment.review.documentId,
        } as never,
        status: 'draft',
      });
      await strapi.documents(COMMENT).update({ documentId, data: { faq: faq.documentId } as never });
      strapi.log.info(`Moderation desk: ${admin.email} made comment ${documentId} into draft FAQ ${faq.documentId}`);
      return {
        faq: { documentId: faq.documentId, question },
        editPath: `/content-manager/collection-types/${FAQ}/${faq.documentId}`,
      };
    },

    async exportPersonalData(email: string, admin: Moderator) {
      const result = await exportPersonalData(email);
      await logPrivacy('export', result.email, { contributors: Object.keys(result.data) }, admin);
      return result;
    },

    async erasePersonalData(email: string, mode: EraseMode, admin: Moderator) {
      const address = normaliseEmail(email);
      const results = await erasePersonalData(address, mode);
      await logPrivacy(mode === 'delete' ? 'erase-delete' : 'erase-anonymise', address, results, admin);
      return { email: address, mode, results };
    },
  };

  /** strapi.log for the operator, and a private record that survives log rotation; the address only as a hash. */
  const logPrivacy = async (
    action: 'export' | 'erase-anonymise' | 'erase-delete',
    email: string,
    summary: unknown,
    admin: Moderator,
  ) => {
    const emailHash = createHash('sha256').update(email).digest('hex');
    strapi.log.info(
      `Personal data ${action} by ${admin.email} for address sha256:${emailHash.slice(0, 12)}: ${JSON.stringify(summary)}`,
    );
    await strapi
      .documents(LOG as never)
      .create({ data: { action, emailHash, summary, adminEmail: admin.email } as never });
  };

  return desk;
};

/** The comment as an FAQ question: whitespace folded, trimmed to what the question column holds, credit kept whole. */
export const faqQuestion = (body: string, creditName: string | null) => {
  const credit = creditName ? ` (asked by ${creditName.trim()})` : '';
  const text = body.replace(/\s+/g, ' ').trim();
  const room = FAQ_QUESTION_MAX - credit.length;
  const question = text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
  return `${question}${credit}`;
};

export type Desk = ReturnType<typeof createDesk>;

export default ({ strapi }: { strapi: Core.Strapi }) => createDesk(strapi);
