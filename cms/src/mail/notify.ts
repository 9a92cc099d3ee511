import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { moderationSettings } from '../settings/moderation';
import { COMMENT, SUBSCRIPTION, links, mailConfig } from './config';
import { enqueue } from './queue';
import { approvedEmail, digestEmail, followUpEmail, moderatorEmail, type HeldComment } from './templates';

export const MODERATOR_ROLE_CODES = ['marquee-moderator', 'strapi-super-admin'];
const DIGEST_STORE_KEY = 'digest';

interface CommentRow {
  documentId: string;
  authorName: string;
  authorEmail: string;
  body: string;
  moderationStatus: string;
  heldReason: string | null;
  createdAt: string;
  review: { documentId: string; slug: string; title: string } | null;
}

const loadComment = async (strapi: Core.Strapi, documentId: string): Promise<CommentRow | null> =>
  strapi.db.query(COMMENT).findOne({
    where: { documentId },
    select: ['documentId', 'authorName', 'authorEmail', 'body', 'moderationStatus', 'heldReason', 'createdAt'],
    populate: { review: { select: ['documentId', 'slug', 'title'] } },
  });

/** Active admin users who moderate: the Moderator role and Super Admins. */
export const moderatorAddresses = async (strapi: Core.Strapi): Promise<string[]> => {
  const users: { email: string }[] = await strapi.db.query('admin::user').findMany({
    where: { isActive: true, blocked: false, roles: { code: { $in: MODERATOR_ROLE_CODES } } },
    select: ['email'],
  });
  return [...new Set(users.map((user) => user.email.toLowerCase()))];
};

const moderatorSetting = async (strapi: Core.Strapi) => {
  const { moderatorEmails, digestMinutes } = await moderationSettings(strapi);
  return { mode: moderatorEmails, digestMinutes };
};

const held = (strapi: Core.Strapi, comment: CommentRow): HeldComment => ({
  authorName: comment.authorName,
  authorEmail: comment.authorEmail,
  body: comment.body,
  reason: comment.heldReason,
  reviewTitle: comment.review?.title ?? '(deleted review)',
  deskUrl: links(mailConfig(strapi)).desk(comment.documentId),
});

/** A comment was held: staff may read its text, readers never do. */
const onHeld = async (strapi: Core.Strapi, comment: CommentRow) => {
  const { mode } = await moderatorSetting(strapi);
  if (mode !== 'each') return;
  const config = mailConfig(strapi);
  for (const recipient of await moderatorAddresses(strapi)) {
    await enqueue(strapi, {
      kind: 'moderator',
      recipient,
      email: moderatorEmail({ comment: held(strapi, comment), unsubscribeUrl: links(config).unsubscribe(recipient) }),
    });
  }
};

/** The comment's author hears it is published, if they asked; everyone following the review hears of it. */
export const onApproved = async (strapi: Core.Strapi, comment: CommentRow, only?: 'approval') => {
  const review = comment.review;
  if (!review) return;
  const config = mailConfig(strapi);
  const commentUrl = links(config).comment(review.slug, comment.documentId);
  const subscriptions: { email: string; kind: string; commentDocumentId: string | null }[] = await strapi.db
    .query(SUBSCRIPTION)
    .findMany({
      where: {
        $or: [
          { kind: 'approval', commentDocumentId: comment.documentId },
          ...(only ? [] : [{ kind: 'replies', reviewDocumentId: review.documentId }]),
        ],
      },
      select: ['email', 'kind', 'commentDocumentId'],
    });
  const author = comment.authorEmail.toLowerCase();
  const approval = new Set(subscriptions.filter((s) => s.kind === 'approval').map((s) => s.email));
  const followers = new Set(
    subscriptions.filter((s) => s.kind === 'replies' && s.email !== author).map((s) => s.email),
  );
  for (const recipient of approval) {
    const email = approvedEmail({
      reviewTitle: review.title,
      commentUrl,
      body: comment.body,
      unsubscribeUrl: links(config).unsubscribe(recipient),
    });
    await enqueue(strapi, { kind: 'approved', recipient, email, commentDocumentId: comment.documentId });
  }
  for (const recipient of followers) {
    const email = followUpEmail({
      reviewTitle: review.title,
      commentUrl,
      authorName: comment.authorName,
      body: comment.body,
      unsubscribeUrl: links(config).unsubscribe(recipient),
    });
    await enqueue(strapi, { kind: 'follow-up', recipient, email, commentDocumentId: comment.documentId });
  }
};

export const approvedComment = async (strapi: Core.Strapi, documentId: string) => {
  const comment = await loadComment(strapi, documentId);
  return comment?.moderationStatus === 'approved' ? comment : null;
};

const quiet = new AsyncLocalStorage<boolean>();

/** Runs `work` without emails about the comments it writes (an import brings old threads, not news). */
export const withoutMail = <T>(work: () => Promise<T>) => quiet.run(true, work);

/** Whether the comment writes under way are quiet (an import's). */
export const mailIsQuiet = () => quiet.getStore() === true;

const digestStore = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'marquee-mail' });

/**
 * In digest mode, every digestMinutes the moderators get one email listing the comments held since the last one.
 * When the last digest went out is kept in Strapi's store, so a restart neither repeats nor skips one.
 */
export const runDigest = async (strapi: Core.Strapi, now = new Date()) => {
  const { mode, digestMinutes } = await moderatorSetting(strapi);
  if (mode !== 'digest') return 0;
  const store = digestStore(strapi);
  const last = (await store.get({ key: DIGEST_STORE_KEY })) as { sentAt?: string } | null;
  if (!last?.sentAt) {
    await store.set({ key: DIGEST_STORE_KEY, value: { sentAt: now.toISOString() } });
    return 0;
  }
  const since = new Date(last.sentAt);
  if (now.getTime() - since.getTime() < digestMinutes * 60_000) return 0;
  const rows: CommentRow[] = await strapi.db.query(COMMENT).findMany({
    where: { moderationStatus: 'pending', createdAt: { $gt: since, $lte: now } },
    select: ['documentId', 'authorName', 'authorEmail', 'body', 'moderationStatus', 'heldReason', 'createdAt'],
    populate: { review: { select: ['documentId', 'slug', 'title'] } },
    orderBy: { createdAt: 'asc' },
  });
  await store.set({ key: DIGEST_STORE_KEY, value: { sentAt: now.toISOString() } });
  if (rows.length === 0) return 0;
  const config = mailConfig(strapi);
  const recipients = await moderatorAddresses(strapi);
  for (const recipient of recipients) {
    const email = digestEmail({
      comments: rows.map((row) => held(strapi, row)),
      deskUrl: links(config).desk(),
      unsubscribeUrl: links(config).unsubscribe(recipient),
    });
    await enqueue(strapi, { kind: 'digest', recipient, email });
  }
  return recipients.length;
};

/** Sets when the last digest went out (tests move it back in time instead of waiting). */
export const setLastDigest = (strapi: Core.Strapi, sentAt: Date) =>
  digestStore(strapi).set({ key: DIGEST_STORE_KEY, value: { sentAt: sentAt.toISOString() } });

/** A comment's moderation status as stored now, or null when there is none. */
export const storedStatus = async (strapi: Core.Strapi, documentId: string): Promise<string | null> =>
  (await strapi.db.query(COMMENT).findOne({ where: { documentId }, select: ['moderationStatus'] }))?.moderationStatus ??
  null;

/**
 * Queues the emails a comment's new status calls for: its author's and subscribers' when approved, the moderators'
 * when held. It only enqueues; a failure is logged and never fails the save.
 */
export const mailOnStatusChange = async (strapi: Core.Strapi, documentId: string, before: string | null) => {
  try {
    const comment = await loadComment(strapi, documentId);
    if (comment && comment.moderationStatus !== before) {
      if (comment.moderationStatus === 'approved') await onApproved(strapi, comment);
      if (comment.moderationStatus === 'pending') await onHeld(strapi, comment);
    }
  } catch (error) {
    strapi.log.error(
      `[mail] could not queue the emails for comment ${documentId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};
