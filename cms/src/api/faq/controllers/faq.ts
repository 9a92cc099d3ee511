import { factories } from '@strapi/strapi';
import { forcePublishedUnlessToken } from '../../../utils/published-only';

export default factories.createCoreController('api::faq.faq', () => ({
  async find(ctx) {
    forcePublishedUnlessToken(ctx);
    return super.find(ctx);
  },
  async findOne(ctx) {
    forcePublishedUnlessToken(ctx);
    return super.findOne(ctx);
  },
}));
