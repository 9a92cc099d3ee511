import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * There is no Docker engine where the tests run, so the production topology is checked statically here, and the
 * same topology runs as local processes in CI.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`no ${name} service`);
  return found;
};

/** Names the CMS reads with env('NAME'...), env.int('NAME'...) and friends in config/. */
const cmsVariables = () => {
  const names = new Set<string>();
  const dir = path.join(root, 'cms', 'config');
  for (const file of readdirSync(dir)) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/env(?:\.\w+)?\('([A-Z0-9_]+)'/g)) names.add(match[1] ?? '');
  }
  return names;
};

/** Names the web reads: the keys of its zod environment schema. */
const webVariables = () => {
  const source = read('web/lib/env.ts');
  const schema = source.slice(source.indexOf('z.object({'), source.indexOf('})', source.indexOf('z.object({')));
  return new Set([...schema.matchAll(/^\s+([A-Z0-9_]+):/gm)].map((match) => match[1] ?? ''));
};

// Read by the apps with a default that is right in production too; anything new must be provided or added here.
const DEFAULTED = {
  cms: ['DATABASE_URL', 'DATABASE_SSL', 'DATABASE_SSL_REJECT_UNAUTHORIZED', 'DATABASE_SCHEMA', 'DATABASE_POOL_MIN', 'DATABASE_POOL_MAX', 'DATABASE_CONNECTION_TIMEOUT', 'DATABASE_FILENAME', 'IS_PROXIED', 'PREVIEW_ENABLED', 'COMMENT_MIN_SUBMIT_SECONDS', 'REVALIDATE_ATTEMPTS', 'REVALIDATE_BASE_DELAY_MS', 'REVALIDATE_TIMEOUT_MS', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'PUBLIC_DIR'],
  web: ['CMS_TIMEOUT_MS'],
};

describe('docker-compose.yml', () => {
  it('runs postgres, cms and web', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cms', 'postgres', 'web']);
  });

  it('keeps PostgreSQL on a named volume with a pg_isready healthcheck and no published port', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:/);
    expect(postgres.ports).toBeUndefined();
    expect(postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('publishes only the site (3000) and the admin panel (1337)', () => {
    const published = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(published.sort()).toEqual(['1337:1337', '3000:3000']);
    expect(service('web').ports).toEqual(['3000:3000']);
    expect(service('cms').ports).toEqual(['1337:1337']);
  });

  it('starts each app only when what it needs is healthy', () => {
    expect(service('cms').depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(service('web').depends_on).toEqual({ cms: { condition: 'service_healthy' } });
  });

  it('checks the CMS through the database-aware /api/health, and the web through its own', () => {
    expect(service('cms').healthcheck?.test.join(' ')).toContain('/api/health');
    expect(service('web').healthcheck?.test.join(' ')).toContain('/api/health');
  });

  it('keeps uploads on a named volume', () => {
    expect(service('cms').volumes).toEqual(['uploads:/app/public/uploads']);
    expect(compose.volumes).toHaveProperty('uploads');
  });

  it('provides every variable the CMS reads without a production default', () => {
    const provided = new Set(Object.keys(service('cms').environment ?? {}));
    const missing = [...cmsVariables()].filter((name) => !provided.has(name) && !DEFAULTED.cms.includes(name));
    expect(missing).toEqual([]);
  });

  it('provides every variable the web reads without a production default', () => {
    const provided = new Set(Object.keys(service('web').environment ?? {}));
    const missing = [...webVariables()].filter((name) => !provided.has(name) && !DEFAULTED.web.includes(name));
    expect(webVariables().size).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });

  it('takes every secret from .env, and .env.example names each with no real value', () => {
    const required = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((match) => match[1] ?? ''));
    const example = Object.fromEntries(
      read('.env.example')
        .split('\n')
        .filter((line) => /^[A-Z0-9_]+=/.test(line))
        .map((line) => line.split('=') as [string, string]),
    );
    for (const name of required) expect(example[name]).toMatch(/^change-me(,change-me)*$/);
  });

  it('tells the web about changes over the compose network', () => {
    expect(service('cms').environment?.REVALIDATE_URL).toBe('http://web:3000/api/revalidate');
    expect(service('web').environment?.CMS_URL).toBe('http://cms:1337');
  });
});

describe.each(['cms', 'web'])('%s/Dockerfile', (app) => {
  const dockerfile = read(`${app}/Dockerfile`);

  it('is built by compose from the repository root', () => {
    expect(service(app).build).toEqual({ context: '.', dockerfile: `${app}/Dockerfile` });
    expect(existsSync(path.join(root, `${app}/Dockerfile`))).toBe(true);
  });

  it('is multi-stage, runs as a non-root user and has a healthcheck', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
  });
});
