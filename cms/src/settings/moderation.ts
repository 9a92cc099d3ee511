import type { Core } from '@strapi/strapi';
import { z } from 'zod';

const UID = 'api::moderation-setting.moderation-setting';

/**
 * The moderation settings' defaults: what applies before a moderator changes a setting, and where a stored value is
 * empty. The schema's own defaults (schema.json) are the same numbers, for the admin's form.
 */
export const MODERATION_DEFAULTS = {
  linkThreshold: 2,
  heldWords: '',
  blockedWords: '',
  autoApproveReturning: true,
  closeAfterDays: 0,
  floodIntervalSeconds: 15,
  moderatorEmails: 'each',
  digestMinutes: 60,
  mailHourlyLimit: 5,
  readerRatingMinimum: 3,
  reportThreshold: 3,
  retentionDays: 90,
} as const;

const orDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  schema.nullish().transform((value) => value ?? fallback);

const settingsSchema = z.object({
  linkThreshold: orDefault(z.number().int(), MODERATION_DEFAULTS.linkThreshold),
  heldWords: orDefault(z.string(), MODERATION_DEFAULTS.heldWords),
  blockedWords: orDefault(z.string(), MODERATION_DEFAULTS.blockedWords),
  autoApproveReturning: orDefault(z.boolean(), MODERATION_DEFAULTS.autoApproveReturning),
  closeAfterDays: orDefault(z.number().int(), MODERATION_DEFAULTS.closeAfterDays),
  floodIntervalSeconds: orDefault(z.number().int(), MODERATION_DEFAULTS.floodIntervalSeconds),
  moderatorEmails: orDefault(z.enum(['each', 'digest', 'off']), MODERATION_DEFAULTS.moderatorEmails),
  digestMinutes: orDefault(z.number().int(), MODERATION_DEFAULTS.digestMinutes),
  mailHourlyLimit: orDefault(z.number().int(), MODERATION_DEFAULTS.mailHourlyLimit),
  readerRatingMinimum: orDefault(z.number().int(), MODERATION_DEFAULTS.readerRatingMinimum),
  reportThreshold: orDefault(z.number().int(), MODERATION_DEFAULTS.reportThreshold),
  retentionDays: orDefault(z.number().int(), MODERATION_DEFAULTS.retentionDays),
});

export type ModerationSettings = z.output<typeof settingsSchema>;

/** The moderation settings as they stand, every one with its default: the one reader of the single type. */
export const moderationSettings = async (strapi: Core.Strapi): Promise<ModerationSettings> => {
  // SQLite stores booleans as 0/1: the query engine turns them back, so the schema sees booleans.
  const stored: unknown = await strapi.db.query(UID).findOne({ select: Object.keys(MODERATION_DEFAULTS) });
  return settingsSchema.parse(stored ?? {});
};
