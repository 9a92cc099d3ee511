import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  proxy: { koa: env.bool('IS_PROXIED', false) },
  dirs: {
    // Uploads live under public/uploads; tests point this at a temporary folder.
    public: env('PUBLIC_DIR', './public'),
  },
  app: {
    keys: env.array('APP_KEYS', []),
  },
  // Scheduled jobs, such as deleting readers' IP hashes and browser strings after the retention period.
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  // No outbound calls: the update check would reach the npm registry's dist-tags from every start.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env('NODE_ENV', 'development') === 'development' },
  },
});

export default config;
