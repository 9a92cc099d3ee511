import type { Core } from '@strapi/strapi';
import { moderationSettings } from '../../../settings/moderation';

/** The content types that keep a reader's IP hash and browser string. */
const WITH_READER_DATA = ['api::comment.comment', 'api::comment-report.comment-report'] as const;

/**
 * Deletes the IP hashes and browser strings older than the moderation settings' retention period (§6): they serve
 * the flood and duplicate checks of the moment, not a record of who wrote what. Straight through the query engine:
 * nothing readers can see changes, so no change notice is due.
 * @returns how many rows were cleared, per content type.
 */
export const clearExpiredReaderData = async (strapi: Core.Strapi, now: Date = new Date()) => {
  const { retentionDays } = await moderationSettings(strapi);
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const cleared: Record<string, number> = {};
  for (const uid of WITH_READER_DATA) {
    const { count } = await strapi.db.query(uid).updateMany({
      where: { createdAt: { $lt: cutoff }, $or: [{ ipHash: { $notNull: true } }, { userAgent: { $notNull: true } }] },
      data: { ipHash: null, userAgent: null },
    });
    cleared[uid] = count;
  }
  return { cutoff, cleared };
};
