import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::review.review', {
  config: {
    find: { middlewares: ['api::review.default-populate'] },
    findOne: { middlewares: ['api::review.default-populate'] },
  },
});
