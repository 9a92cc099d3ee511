import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../config/marquee';

/** In development, an admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none yet, so the panel opens at once. */
export const ensureDevAdmin = async (strapi: Core.Strapi) => {
  const { devAdmin, production } = strapi.config.get<MarqueeConfig>('marquee');
  if (production || !devAdmin.email || !devAdmin.password) return;
  const users = strapi.service('admin::user') as unknown as {
    exists(): Promise<boolean>;
    createFirstAdmin(attributes: Record<string, string>): Promise<unknown>;
  };
  if (await users.exists()) return;
  await users.createFirstAdmin({ firstname: 'Marquee', lastname: 'Admin', email: devAdmin.email, password: devAdmin.password });
  strapi.log.info(`Development admin created: ${devAdmin.email} (password from ADMIN_PASSWORD)`);
};
