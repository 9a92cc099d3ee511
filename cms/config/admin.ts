import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', ''),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', ''),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', ''),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', ''),
  },
  // Never run xdg-open on a server.
  autoOpen: false,
  flags: {
    nps: false,
    promoteEE: false,
  },
  preview: {
    enabled: env.bool('PREVIEW_ENABLED', true),
    config: {
      allowedOrigins: [env('CLIENT_URL', 'http://localhost:3000')],
      async handler(uid: string, { documentId, status }: { documentId: string; status?: string }) {
        if (uid !== 'api::review.review') return null;
        const draft = status === 'draft';
        const review = await strapi
          .documents(uid)
          .findOne({ documentId, status: draft ? 'draft' : 'published', fields: ['slug'] });
        if (!review?.slug) return null;
        const url = new URL('/api/preview', env('CLIENT_URL', 'http://localhost:3000'));
        url.searchParams.set('secret', env('PREVIEW_SECRET', ''));
        url.searchParams.set('slug', review.slug);
        url.searchParams.set('status', draft ? 'draft' : 'published');
        return url.toString();
      },
    },
  },
});

export default config;
