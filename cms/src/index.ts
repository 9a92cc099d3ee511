import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../config/marquee';
import { ensureSearchSchema } from './api/search/services/schema';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { configureAdminViews } from './bootstrap/admin-views';
import { ensureDevAdmin } from './bootstrap/dev-admin';
import { ensureModerationSettings } from './bootstrap/moderation-settings';
import { ensurePublicPermissions } from './bootstrap/permissions';
import { assertProductionSecrets } from './bootstrap/secrets';
import { seedDemoContent } from './bootstrap/seed';
import { ensureWebToken } from './bootstrap/web-token';
import { registerDocumentMiddlewares } from './document-middlewares';
import { registerMailPersonalData, startMailWorker } from './mail';
import { registerModerationDesk } from './api/moderation-desk/admin';
import { registerNewsroom } from './api/newsroom/admin';
import { startScheduler } from './api/newsroom/domain/scheduler';
import { keepFirstPublicationDates } from './bootstrap/first-publication';
import { createNotifier, type Notifier } from './revalidation/notifier';

let notifier: Notifier | undefined;
let mailWorker: ReturnType<typeof startMailWorker> | undefined;
let scheduler: ReturnType<typeof startScheduler> | undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionSecrets(strapi);
    // The Film's year as a plain year in the admin (src/admin/fields/YearInput.tsx); stored as the integer it was.
    strapi.customFields.register({ name: 'year', type: 'integer' });
    const { revalidate } = strapi.config.get<MarqueeConfig>('marquee');
    notifier = createNotifier({ ...revalidate, log: strapi.log });
    registerDocumentMiddlewares(strapi, { notifier });
    await registerModerationDesk(strapi);
    await registerNewsroom(strapi);
    registerMailPersonalData(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePublicPermissions(strapi);
    await ensureWebToken(strapi);
    await ensureAdminRoles(strapi);
    await configureAdminViews(strapi);
    await ensureModerationSettings(strapi);
    await ensureDevAdmin(strapi);
    await ensureSearchSchema(strapi);
    if (strapi.config.get<MarqueeConfig>('marquee').seed.enabled) await seedDemoContent(strapi);
    await keepFirstPublicationDates(strapi);
    mailWorker = startMailWorker(strapi);
    const { newsroom } = strapi.config.get<MarqueeConfig>('marquee');
    if (strapi.config.get('server.cron.enabled') !== false)
      scheduler = startScheduler(strapi, newsroom.scheduleEverySeconds);
  },

  async destroy() {
    notifier?.stop();
    await mailWorker?.stop();
    await scheduler?.stop();
  },
};
