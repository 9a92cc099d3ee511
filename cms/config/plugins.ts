import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', ''),
      // Readers never hold accounts: the site only reads and posts comments through the web server.
      register: { allowedFields: [] },
    },
  },
});

export default config;
