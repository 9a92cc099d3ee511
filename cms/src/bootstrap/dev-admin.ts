import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../config/marquee';
import { internals } from '../strapi/internals';

const adminServices = (strapi: Core.Strapi) => {
  const services = internals(strapi);
  return { users: services.users(), auth: services.auth(), roles: services.roles() };
};

/**
 * Outside production, an admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none yet, so the panel opens at once.
 *
 * In development `npm start` prints ADMIN_EMAIL / ADMIN_PASSWORD from cms/.env as the login. When that file is
 * regenerated (new secrets) while the database is kept, the admin still has the old password, so the printed login
 * would be false: in development only, that admin is created again if missing, or given ADMIN_PASSWORD and made
 * active again.
 */
export const ensureDevAdmin = async (strapi: Core.Strapi) => {
  const { devAdmin, production, development } = strapi.config.get<MarqueeConfig>('marquee');
  if (production || !devAdmin.email || !devAdmin.password) return;
  const { users, auth, roles } = adminServices(strapi);
  const profile = { firstname: 'Marquee', lastname: 'Admin', email: devAdmin.email, password: devAdmin.password };

  if (!(await users.exists())) {
    await users.createFirstAdmin(profile);
    strapi.log.info(`Development admin created: ${devAdmin.email} (password from ADMIN_PASSWORD)`);
    return;
  }
  if (!development) return;

  const existing = await users.findOneByEmail(devAdmin.email);
  if (!existing) {
    const superAdmin = await roles.getSuperAdmin();
    if (!superAdmin) return;
    await users.create({ ...profile, isActive: true, registrationToken: null, roles: [superAdmin.id] });
    strapi.log.info(`Development admin created: ${devAdmin.email} (password from ADMIN_PASSWORD)`);
    return;
  }
  const passwordMatches = existing.password ? await auth.validatePassword(devAdmin.password, existing.password) : false;
  if (passwordMatches && existing.isActive === true) return;
  await users.updateById(existing.id, { password: devAdmin.password, isActive: true });
  strapi.log.info(
    `Development admin ${devAdmin.email}: password set from ADMIN_PASSWORD, as the start script prints it`,
  );
};
