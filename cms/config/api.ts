import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    maxLimit: 50,
    withCount: true,
    // Unknown query keys, and filters/sorts on private fields, answer 400 instead of being ignored.
    strictParams: true,
  },
};

export default config;
