import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::author.author', {
  config: {
    find: { middlewares: ['api::author.default-populate'] },
    findOne: { middlewares: ['api::author.default-populate'] },
  },
});
