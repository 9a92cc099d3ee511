import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../config/marquee';

const PLACEHOLDER = /^(|change[-_]?me.*|tobemodified.*|secret|placeholder|example)$/i;

/** In production, refuses to start with a missing or placeholder secret instead of running insecurely. */
export const assertProductionSecrets = (strapi: Core.Strapi) => {
  const marquee = strapi.config.get<MarqueeConfig>('marquee');
  if (!marquee.production) return;
  const secrets: Record<string, unknown> = {
    APP_KEYS: strapi.config.get<string[]>('server.app.keys', []).join(''),
    ADMIN_JWT_SECRET: strapi.config.get('admin.auth.secret'),
    API_TOKEN_SALT: strapi.config.get('admin.apiToken.salt'),
    TRANSFER_TOKEN_SALT: strapi.config.get('admin.transfer.token.salt'),
    ENCRYPTION_KEY: strapi.config.get('admin.secrets.encryptionKey'),
    JWT_SECRET: strapi.config.get('plugin::users-permissions.jwtSecret'),
    WEB_API_TOKEN: marquee.webApiToken,
    COMMENT_FORM_SECRET: marquee.commentFormSecret,
    COMMENT_IP_HASH_SECRET: marquee.ipHashSecret,
    REVALIDATE_SECRET: marquee.revalidate.secret,
  };
  const bad = Object.entries(secrets)
    .filter(([, value]) => typeof value !== 'string' || PLACEHOLDER.test(value) || value.length < 16)
    .map(([name]) => name);
  if (bad.length > 0) {
    throw new Error(`Refusing to start in production: set real values (16+ characters) for ${bad.join(', ')}`);
  }
};
