// Boots the CMS once on the database named by DATABASE_* and stops it: Strapi creates its tables, runs the
// migrations (search index, list indexes) and its bootstrap. The scale generator needs the tables before it fills them.
const path = require('node:path');
const fs = require('node:fs');

const appDir = path.resolve(__dirname, '..', '..', 'cms');
const { compileStrapi, createStrapi } = require(require.resolve('@strapi/strapi', { paths: [appDir] }));

(async () => {
  Object.assign(process.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO_CONTENT: 'false',
    REVALIDATE_URL: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
  });
  for (const [name, value] of Object.entries({
    APP_KEYS: 'seed-scale-key-one,seed-scale-key-two',
    API_TOKEN_SALT: 'seed-scale-api-token-salt',
    ADMIN_JWT_SECRET: 'seed-scale-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'seed-scale-transfer-token-salt',
    JWT_SECRET: 'seed-scale-jwt-secret',
    ENCRYPTION_KEY: 'seed-scale-encryption-key',
  })) {
    // A real deployment's secrets win; these only let a throwaway boot run.
    process.env[name] ??= value;
  }
  if (!fs.existsSync(path.join(appDir, 'dist', 'src', 'index.js'))) await compileStrapi({ appDir });
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  app.log.level = 'warn';
  await app.load();
  await app.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
