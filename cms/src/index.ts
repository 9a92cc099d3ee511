import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../config/marquee';
import { registerCommentThreadIndex } from './api/comment/services/thread-index';
import { registerCommentTotals } from './api/comment/services/comment-totals';
import { ensureSearchSchema } from './api/search/services/schema';
import { registerSearchIndexing } from './api/search/services/search';
import { registerRatingCheck } from './api/review/validation/rating';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { configureAdminViews } from './bootstrap/admin-views';
import { ensureDevAdmin } from './bootstrap/dev-admin';
import { ensureModerationSettings } from './bootstrap/moderation-settings';
import { ensurePublicPermissions } from './bootstrap/permissions';
import { assertProductionSecrets } from './bootstrap/secrets';
import { seedDemoContent } from './bootstrap/seed';
import { ensureWebToken } from './bootstrap/web-token';
import { registerMailPersonalData, startMailWorker, watchComments } from './mail';
import { registerModerationDesk } from './api/moderation-desk/admin';
import { createNotifier, type Notifier } from './revalidation/notifier';
import { watchChanges } from './revalidation/watch';
import { registerQueryGuard } from './utils/query-guard';

let notifier: Notifier | undefined;
let mailWorker: ReturnType<typeof startMailWorker> | undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionSecrets(strapi);
    const { revalidate } = strapi.config.get<MarqueeConfig>('marquee');
    notifier = createNotifier({ ...revalidate, log: strapi.log });
    watchChanges(strapi, notifier);
    registerRatingCheck(strapi);
    registerQueryGuard(strapi);
    registerSearchIndexing(strapi);
    registerCommentThreadIndex(strapi);
    registerCommentTotals(strapi);
    watchComments(strapi);
    await registerModerationDesk(strapi);
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
    mailWorker = startMailWorker(strapi);
  },

  async destroy() {
    notifier?.stop();
    await mailWorker?.stop();
  },
};
