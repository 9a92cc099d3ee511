import { factories } from '@strapi/strapi';

// Readers report through the web server (create, granted to the web's token alone); moderators read reports in the
// admin panel, so nothing else is routed on the public API.
export default factories.createCoreRouter('api::comment-report.comment-report', { only: ['create'] });
