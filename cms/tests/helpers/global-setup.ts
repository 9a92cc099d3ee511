import { compileStrapi } from '@strapi/strapi';
import path from 'node:path';

export default async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
};
