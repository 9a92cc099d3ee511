/** @jest-environment node */
import { env, missingProductionSecrets, resetEnvForTests } from '@/lib/env';

const strong = 'a-real-secret-of-enough-length';
const secrets = {
  CMS_API_TOKEN: strong,
  PREVIEW_SECRET: strong,
  REVALIDATE_SECRET: strong,
  COMMENT_FORM_SECRET: strong,
  COMMENT_COOKIE_SECRET: strong,
};

const withEnv = (values: Record<string, string | undefined>) => {
  const saved = { ...process.env };
  Object.assign(process.env, values);
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete process.env[key];
  resetEnvForTests();
  try {
    return env();
  } finally {
    process.env = saved;
    resetEnvForTests();
  }
};

describe('missingProductionSecrets', () => {
  it('finds nothing missing when every secret is real', () => {
    expect(missingProductionSecrets(withEnv(secrets))).toEqual([]);
  });

  it('names a missing secret and a placeholder one', () => {
    const values = withEnv({
      ...secrets,
      PREVIEW_SECRET: undefined,
      COMMENT_COOKIE_SECRET: 'change-me-change-me-change-me',
    });
    expect(missingProductionSecrets(values)).toEqual(['PREVIEW_SECRET', 'COMMENT_COOKIE_SECRET']);
  });

  it('refuses a secret shorter than 16 characters when the environment is read', () => {
    expect(() => withEnv({ ...secrets, REVALIDATE_SECRET: 'short' })).toThrow(/REVALIDATE_SECRET/);
  });
});
