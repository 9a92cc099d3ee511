import type { Core } from '@strapi/strapi';
import { clearExpiredReaderData } from '../src/api/comment/services/retention';

/** Strapi's scheduled jobs (server.cron.tasks), named so that tests and operators can find them. */
const cronTasks = {
  clearExpiredReaderData: {
    async task({ strapi }: { strapi: Core.Strapi }) {
      const { cleared } = await clearExpiredReaderData(strapi);
      strapi.log.info(
        `Retention: cleared IP hashes and browser strings on ${Object.values(cleared).reduce((a, b) => a + b, 0)} rows`,
      );
    },
    // Daily at 03:17 server time, off the hour when other jobs pile up.
    options: { rule: '0 17 3 * * *' },
  },
};

export default cronTasks;
