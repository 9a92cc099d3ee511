import type { Core } from '@strapi/strapi';
import { mailConfig } from './config';
import { runDigest } from './notify';
import { processDue } from './queue';

/** Polls the queue every pollMs. One tick at a time; stop() waits for the one under way. */
export const startMailWorker = (strapi: Core.Strapi) => {
  const config = mailConfig(strapi);
  if (config.transport === 'none') {
    strapi.log.error(
      '[mail] SMTP_HOST is not set in production: no email is sent. Emails wait in the queue and go out once SMTP_* is set and the CMS restarts.',
    );
    return { stop: async () => undefined };
  }
  if (config.transport === 'file')
    strapi.log.info(`[mail] no SMTP_HOST: emails are written to ${config.outboxDir}/*.eml`);
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      await runDigest(strapi);
      await processDue(strapi);
    } catch (error) {
      strapi.log.error(`[mail] queue run failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = tick().finally(() => {
      running = null;
    });
  }, config.pollMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
