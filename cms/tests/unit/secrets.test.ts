import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../../src/bootstrap/secrets';

const strong = 'a-real-secret-of-enough-length';

const fakeStrapi = (production: boolean, overrides: Record<string, unknown> = {}) => {
  const values: Record<string, unknown> = {
    marquee: {
      production,
      webApiToken: strong,
      commentFormSecret: strong,
      ipHashSecret: strong,
      revalidate: { secret: strong },
    },
    'server.app.keys': [strong, strong],
    'admin.auth.secret': strong,
    'admin.apiToken.salt': strong,
    'admin.transfer.token.salt': strong,
    'admin.secrets.encryptionKey': strong,
    'plugin::users-permissions.jwtSecret': strong,
    ...overrides,
  };
  return { config: { get: (key: string) => values[key] } } as unknown as Core.Strapi;
};

describe('assertProductionSecrets', () => {
  it('lets production start with real secrets', () => {
    expect(() => assertProductionSecrets(fakeStrapi(true))).not.toThrow();
  });

  it('refuses production with a missing or placeholder secret, naming it', () => {
    expect(() => assertProductionSecrets(fakeStrapi(true, { 'admin.auth.secret': '' }))).toThrow(/ADMIN_JWT_SECRET/);
    expect(() => assertProductionSecrets(fakeStrapi(true, { 'admin.apiToken.salt': 'tobemodified' }))).toThrow(
      /API_TOKEN_SALT/,
    );
    expect(() => assertProductionSecrets(fakeStrapi(true, { 'admin.secrets.encryptionKey': 'short' }))).toThrow(
      /ENCRYPTION_KEY/,
    );
  });

  it('does not check secrets outside production', () => {
    expect(() => assertProductionSecrets(fakeStrapi(false, { 'admin.auth.secret': '' }))).not.toThrow();
  });
});
