import type { Core } from '@strapi/strapi';
import { runSchedule } from '../domain/scheduler';

/** The newsroom as a Strapi service: what scripts and tests call on a running app. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Publishes and unpublishes what is due at `now`; the scheduler calls the same every few seconds. */
  runSchedule: (now?: Date) => runSchedule(strapi, now),
});
