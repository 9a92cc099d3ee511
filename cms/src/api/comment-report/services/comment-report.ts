import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::comment-report.comment-report');
