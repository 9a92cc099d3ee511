import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::moderation-setting.moderation-setting');
