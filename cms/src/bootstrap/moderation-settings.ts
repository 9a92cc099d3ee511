import type { Core } from '@strapi/strapi';
import { MODERATION_DEFAULTS } from '../settings/moderation';

/** The moderation settings exist from the first start, with their defaults, for moderators to adjust. */
export const ensureModerationSettings = async (strapi: Core.Strapi) => {
  const settings = strapi.documents('api::moderation-setting.moderation-setting');
  if (await settings.findFirst()) return;
  await settings.create({ data: { ...MODERATION_DEFAULTS } });
};
