import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::genre.genre', {
  config: {
    find: { middlewares: ['api::genre.default-populate'] },
    findOne: { middlewares: ['api::genre.default-populate'] },
  },
});
