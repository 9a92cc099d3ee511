import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::moderation-setting.moderation-setting');
