import { factories } from '@strapi/strapi';
import { JOB, REVIEW, SUBSCRIBER, SUBSCRIPTION, links, mailConfig } from '../../../mail/config';
import { approvedComment, onApproved } from '../../../mail/notify';
import { enqueue, skipReasons } from '../../../mail/queue';
import { confirmationEmail } from '../../../mail/templates';
import { verifyToken, type TokenCheck } from '../../../mail/tokens';

/** A reader who posts twice in a row gets one confirmation email, not two. */
const RESEND_CONFIRMATION_MS = 15 * 60_000;

export interface SubscribeRequest {
  email: string;
  reviewDocumentId: string;
  commentDocumentId: string;
  notifyReplies: boolean;
  notifyApproval: boolean;
}

export default factories.createCoreService(SUBSCRIBER, ({ strapi }) => ({
  /**
   * Stores what a reader asked to hear about, and sends the one email an unconfirmed address may get: the
   * confirmation. Anything else waits for the address to be confirmed (the queue checks at send time).
   */
  async subscribe({
    email: rawEmail,
    reviewDocumentId,
    commentDocumentId,
    notifyReplies,
    notifyApproval,
  }: SubscribeRequest) {
    if (!notifyReplies && !notifyApproval) return;
    const email = rawEmail.toLowerCase();
    const now = new Date();
    const subscribers = strapi.db.query(SUBSCRIBER);
    let subscriber = await subscribers.findOne({ where: { email } });
    if (!subscriber) {
      subscriber = await strapi.documents(SUBSCRIBER).create({ data: { email } });
    } else if (subscriber.unsubscribedAt) {
      // Ticking the box again after unsubscribing is a new request: it must be confirmed again.
      await subscribers.update({
        where: { id: subscriber.id },
        data: { unsubscribedAt: null, confirmedAt: null, confirmationSentAt: null },
      });
      subscriber = { ...subscriber, unsubscribedAt: null, confirmedAt: null, confirmationSentAt: null };
    }

    const subscriptions = strapi.db.query(SUBSCRIPTION);
    if (notifyReplies && !(await subscriptions.findOne({ where: { email, kind: 'replies', reviewDocumentId } }))) {
      await strapi.documents(SUBSCRIPTION).create({ data: { email, kind: 'replies', reviewDocumentId } });
    }
    if (notifyApproval) {
      await strapi
        .documents(SUBSCRIPTION)
        .create({ data: { email, kind: 'approval', reviewDocumentId, commentDocumentId } });
      // Auto-approved on arrival: the comment was approved before this subscription existed.
      const comment = await approvedComment(strapi, commentDocumentId);
      if (comment) await onApproved(strapi, comment, 'approval');
    }

    const lastSent = subscriber.confirmationSentAt ? new Date(subscriber.confirmationSentAt).getTime() : 0;
    if (subscriber.confirmedAt || now.getTime() - lastSent < RESEND_CONFIRMATION_MS) return;
    const review = await strapi.db
      .query(REVIEW)
      .findOne({ where: { documentId: reviewDocumentId }, select: ['title'] });
    const config = mailConfig(strapi);
    await enqueue(strapi, {
      kind: 'confirmation',
      recipient: email,
      email: confirmationEmail({
        reviewTitle: review?.title ?? 'Marquee',
        confirmUrl: links(config).confirm(email, now.getTime()),
        hours: config.confirmHours,
        unsubscribeUrl: links(config).unsubscribe(email),
      }),
    });
    await subscribers.update({ where: { id: subscriber.id }, data: { confirmationSentAt: now } });
  },

  /** Confirms an address from its signed link; what waited for the confirmation is queued again. */
  async confirm(token: unknown): Promise<TokenCheck> {
    const config = mailConfig(strapi);
    const check = verifyToken(config.tokenSecret, 'confirm', token, Date.now());
    if (!check.ok) return check;
    const subscriber = await strapi.db.query(SUBSCRIBER).findOne({ where: { email: check.email } });
    // An address that unsubscribed since, or never subscribed, is not signed up by an old link.
    if (!subscriber || subscriber.unsubscribedAt) return { ok: false, reason: 'invalid' };
    if (!subscriber.confirmedAt) {
      await strapi.db.query(SUBSCRIBER).update({ where: { id: subscriber.id }, data: { confirmedAt: new Date() } });
      await strapi.db.query(JOB).updateMany({
        where: {
          recipient: check.email,
          state: 'skipped',
          lastError: skipReasons.unconfirmed,
          createdAt: { $gt: new Date(Date.now() - config.confirmHours * 3_600_000) },
        },
        data: { state: 'queued', nextAttemptAt: new Date(), lastError: null },
      });
    }
    return check;
  },

  /** One click: no more email of any kind to this address, and what is queued for it is dropped. */
  async unsubscribe(token: unknown): Promise<TokenCheck> {
    const check = verifyToken(mailConfig(strapi).tokenSecret, 'unsubscribe', token, Date.now());
    if (!check.ok) return check;
    const email = check.email;
    const existing = await strapi.db.query(SUBSCRIBER).findOne({ where: { email } });
    if (existing)
      await strapi.db.query(SUBSCRIBER).update({ where: { id: existing.id }, data: { unsubscribedAt: new Date() } });
    else await strapi.documents(SUBSCRIBER).create({ data: { email, unsubscribedAt: new Date().toISOString() } });
    await strapi.db.query(SUBSCRIPTION).deleteMany({ where: { email } });
    await strapi.db.query(JOB).updateMany({
      where: { recipient: email, state: 'queued', kind: { $ne: 'confirmation' } },
      data: { state: 'skipped', lastError: skipReasons.unsubscribed },
    });
    return check;
  },

  /** Everything the mail feature stores about an address, for the desk's export (src/utils/personal-data.ts). */
  async personalData(rawEmail: string) {
    const email = rawEmail.toLowerCase();
    const subscriber = await strapi.db.query(SUBSCRIBER).findOne({
      where: { email },
      select: ['email', 'confirmedAt', 'confirmationSentAt', 'unsubscribedAt', 'createdAt'],
    });
    const subscriptions = await strapi.db.query(SUBSCRIPTION).findMany({
      where: { email },
      select: ['kind', 'reviewDocumentId', 'commentDocumentId', 'createdAt'],
    });
    const emails = await strapi.db.query(JOB).findMany({
      where: { recipient: email },
      select: ['kind', 'subject', 'state', 'createdAt', 'sentAt'],
      orderBy: { createdAt: 'asc' },
    });
    return { subscriber, subscriptions, emails };
  },

  /**
   * Forgets the address: its subscriptions and the emails queued or sent to it. Returns how many records went.
   * An unsubscribed address is forgotten too; it gets no email unless it ticks a box and confirms again.
   */
  async erase(rawEmail: string) {
    const email = rawEmail.toLowerCase();
    const subscribers = await strapi.db.query(SUBSCRIBER).deleteMany({ where: { email } });
    const subscriptions = await strapi.db.query(SUBSCRIPTION).deleteMany({ where: { email } });
    const jobs = await strapi.db.query(JOB).deleteMany({ where: { recipient: email } });
    return { subscribers: subscribers.count, subscriptions: subscriptions.count, emails: jobs.count };
  },
}));
