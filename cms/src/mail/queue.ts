import type { Core } from '@strapi/strapi';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COMMENT, JOB, SUBSCRIBER, mailConfig, unsubscribeHeaders } from './config';
import { moderationSettings } from '../settings/moderation';
import type { Email } from './templates';

export type MailKind = 'confirmation' | 'approved' | 'follow-up' | 'moderator' | 'digest';
/** Emails about a reader's own subscriptions: they go only to a confirmed, subscribed address. */
const READER_KINDS = new Set<MailKind>(['approved', 'follow-up']);

export const skipReasons = {
  unconfirmed: 'Address not confirmed',
  unsubscribed: 'Address unsubscribed',
  notApproved: 'Comment no longer approved',
} as const;

/** How long a claimed job belongs to the process that claimed it; after that a crashed send is tried again. */
const LEASE_MS = 10 * 60_000;
const BATCH = 20;
const HOUR_MS = 3_600_000;

export interface Enqueue {
  kind: MailKind;
  recipient: string;
  email: Email;
  commentDocumentId?: string;
}

/**
 * Stores an email to be sent by the worker. Only a database write: no SMTP in a request's path, and a restart loses
 * nothing that was enqueued.
 */
export const enqueue = async (strapi: Core.Strapi, { kind, recipient, email, commentDocumentId }: Enqueue) => {
  const config = mailConfig(strapi);
  await strapi.documents(JOB).create({
    data: {
      kind,
      recipient: recipient.toLowerCase(),
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: unsubscribeHeaders(config, recipient),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: new Date().toISOString(),
      commentDocumentId,
    },
  });
};

const hourlyLimit = async (strapi: Core.Strapi): Promise<number> => (await moderationSettings(strapi)).mailHourlyLimit;

interface JobRow {
  id: number;
  kind: MailKind;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string> | null;
  attempts: number;
  commentDocumentId: string | null;
}

/** Why this job must not be sent, if it must not. Checked at send time, whatever was true when it was queued. */
const refusal = async (strapi: Core.Strapi, job: JobRow): Promise<string | null> => {
  if (job.kind === 'confirmation') return null;
  const subscriber = await strapi.db.query(SUBSCRIBER).findOne({ where: { email: job.recipient } });
  if (subscriber?.unsubscribedAt) return skipReasons.unsubscribed;
  if (!READER_KINDS.has(job.kind)) return null;
  if (!subscriber?.confirmedAt) return skipReasons.unconfirmed;
  if (job.commentDocumentId) {
    const comment = await strapi.db
      .query(COMMENT)
      .findOne({ where: { documentId: job.commentDocumentId }, select: ['moderationStatus'] });
    if (comment?.moderationStatus !== 'approved') return skipReasons.notApproved;
  }
  return null;
};

/** When the address may get its next email, or null if it is under its hourly cap. */
const capWait = async (strapi: Core.Strapi, recipient: string, limit: number, now: Date): Promise<Date | null> => {
  const since = new Date(now.getTime() - HOUR_MS);
  const sent = await strapi.db.query(JOB).findMany({
    where: { recipient, state: 'sent', sentAt: { $gt: since } },
    select: ['sentAt'],
    orderBy: { sentAt: 'asc' },
  });
  if (sent.length < limit) return null;
  const oldest = sent[sent.length - limit]?.sentAt;
  return new Date(new Date(String(oldest)).getTime() + HOUR_MS + 1000);
};

const deliver = async (strapi: Core.Strapi, job: JobRow) => {
  const config = mailConfig(strapi);
  const info: unknown = await strapi
    .plugin('email')
    .service('email')
    .send({
      to: job.recipient,
      from: config.from,
      subject: job.subject,
      text: job.text,
      html: job.html,
      headers: job.headers ?? {},
    });
  if (config.transport !== 'file') return;
  // nodemailer's stream transport hands back the raw message: development keeps it where a newcomer can open it.
  const raw = typeof info === 'object' && info !== null && 'message' in info ? info.message : null;
  if (!Buffer.isBuffer(raw)) return;
  const dir = path.resolve(strapi.dirs.app.root, config.outboxDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${job.id}-${job.kind}.eml`);
  // Written whole under another name, then renamed: whoever watches the outbox never opens a half-written .eml.
  const partial = `${file}.partial`;
  await writeFile(partial, raw);
  await rename(partial, file);
  strapi.log.info(`[mail] "${job.subject}" to ${job.recipient}: ${path.relative(strapi.dirs.app.root, file)}`);
};

/**
 * Sends every due job once: claims it (an update guarded by its state, so two CMS processes never both send it),
 * checks the address may get it and is under its hourly cap, sends, and records the outcome. A failure is retried
 * with exponential backoff up to `attempts` times. Returns how many jobs it claimed.
 */
export const processDue = async (strapi: Core.Strapi, now = new Date()): Promise<number> => {
  const config = mailConfig(strapi);
  const jobs = strapi.db.query(JOB);
  // A process that died while sending leaves its job "sending"; once the lease runs out it is queued again.
  await jobs.updateMany({ where: { state: 'sending', nextAttemptAt: { $lt: now } }, data: { state: 'queued' } });
  const due: JobRow[] = await jobs.findMany({
    where: { state: 'queued', nextAttemptAt: { $lte: now } },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    limit: BATCH,
  });
  if (due.length === 0) return 0;
  const limit = await hourlyLimit(strapi);
  let claimed = 0;
  for (const job of due) {
    const lease = new Date(Date.now() + LEASE_MS);
    const { count } = await jobs.updateMany({
      where: { id: job.id, state: 'queued' },
      data: { state: 'sending', nextAttemptAt: lease },
    });
    if (count !== 1) continue;
    claimed += 1;
    const reason = await refusal(strapi, job);
    if (reason) {
      await jobs.update({ where: { id: job.id }, data: { state: 'skipped', lastError: reason } });
      continue;
    }
    // Over the cap the email waits for the address's next free slot; it is not dropped.
    const wait = await capWait(strapi, job.recipient, limit, new Date());
    if (wait) {
      await jobs.update({
        where: { id: job.id },
        data: { state: 'queued', nextAttemptAt: wait, lastError: `Hourly limit of ${limit} reached` },
      });
      continue;
    }
    const attempts = job.attempts + 1;
    try {
      await deliver(strapi, job);
      await jobs.update({
        where: { id: job.id },
        data: { state: 'sent', attempts, sentAt: new Date(), lastError: null },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = attempts >= config.attempts;
      const delay = config.baseDelayMs * 2 ** (attempts - 1);
      await jobs.update({
        where: { id: job.id },
        data: {
          state: failed ? 'failed' : 'queued',
          attempts,
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + (failed ? 0 : delay)),
        },
      });
      strapi.log.warn(
        failed
          ? `[mail] gave up on mail job ${job.id} (${job.kind}) after ${attempts} attempts: ${message}`
          : `[mail] mail job ${job.id} (${job.kind}) failed (${message}); trying again in ${delay} ms`,
      );
    }
  }
  return claimed;
};
