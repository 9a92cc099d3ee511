import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::film.film', {
  config: {
    find: { middlewares: ['api::film.default-populate'] },
    findOne: { middlewares: ['api::film.default-populate'] },
  },
});
