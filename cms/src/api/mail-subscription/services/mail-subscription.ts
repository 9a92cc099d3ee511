import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::mail-subscription.mail-subscription');
