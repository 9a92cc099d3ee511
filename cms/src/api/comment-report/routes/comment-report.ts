import { factories } from '@strapi/strapi';

// Reports are read by moderators in the admin panel only; nothing is routed on the public API yet.
export default factories.createCoreRouter('api::comment-report.comment-report', { only: [] });
