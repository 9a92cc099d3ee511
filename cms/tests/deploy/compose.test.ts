import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * There is no Docker engine where the tests run, so the production topology is checked statically here, and the
 * same topology runs as local processes in CI. The proxy's own rules are tested on the real nginx
 * (proxy/nginx.test.mjs), not here.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
}
const compose = parse(read('docker-compose.yml')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
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
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/env(?:\.\w+)?\('([A-Z0-9_]+)'/g))
      names.add(match[1] ?? '');
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
  cms: [
    'DATABASE_URL',
    'DATABASE_SSL',
    'DATABASE_SSL_REJECT_UNAUTHORIZED',
    'DATABASE_SCHEMA',
    'DATABASE_POOL_MIN',
    'DATABASE_POOL_MAX',
    'DATABASE_CONNECTION_TIMEOUT',
    'DATABASE_FILENAME',
    'IS_PROXIED',
    'PREVIEW_ENABLED',
    'COMMENT_MIN_SUBMIT_SECONDS',
    'REVALIDATE_ATTEMPTS',
    'REVALIDATE_BASE_DELAY_MS',
    'REVALIDATE_TIMEOUT_MS',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'PUBLIC_DIR',
    'CORS_ORIGINS',
    'MAIL_OUTBOX_DIR',
    'MAIL_UNSUBSCRIBE_MAILTO',
    'MAIL_TOKEN_SECRET',
    'MAIL_CONFIRM_HOURS',
    'MAIL_POLL_MS',
    'MAIL_ATTEMPTS',
    'MAIL_BASE_DELAY_MS',
    'CRON_ENABLED',
    'REVISIONS_KEPT',
    'ACTIVITY_LOG_DAYS',
    'SCHEDULE_EVERY_SECONDS',
    'REDIRECT_ALLOWED_HOSTS',
    'ADMIN_LOGIN_MAX_PER_ADDRESS',
    'ADMIN_LOGIN_WINDOW_MINUTES',
  ],
  web: ['CMS_TIMEOUT_MS'],
};

describe('docker-compose.yml', () => {
  it('runs postgres, cms, redis, the web replicas, the proxy and a mail catcher', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cms', 'mailpit', 'postgres', 'proxy', 'redis', 'web']);
  });

  it("sends the CMS's email to Mailpit's official image unless .env names an SMTP server, its inbox on localhost only", () => {
    const mailpit = service('mailpit');
    expect(mailpit.image).toMatch(/^axllent\/mailpit:v\d+\.\d+/);
    expect(mailpit.ports).toEqual(['127.0.0.1:8025:8025']);
    expect(service('cms').environment).toMatchObject({
      SMTP_HOST: '${SMTP_HOST:-mailpit}',
      SMTP_PORT: '${SMTP_PORT:-1025}',
      SMTP_USER: '${SMTP_USER:-}',
      SMTP_PASS: '${SMTP_PASS:-}',
      MAIL_FROM: expect.stringMatching(/^\$\{MAIL_FROM:-/),
    });
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_USER', 'SMTP_PASS', 'MAIL_FROM'])
      expect(read('.env.example')).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('keeps PostgreSQL on a named volume with a pg_isready healthcheck and no published port', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:/);
    expect(postgres.ports).toBeUndefined();
    expect(postgres.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('publishes only the site, through the proxy (8080), the admin panel (1337), and the mail catcher to localhost', () => {
    const published = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(published.sort()).toEqual(['127.0.0.1:8025:8025', '1337:1337', '8080:80']);
    expect(service('proxy').ports).toEqual(['8080:80']);
    expect(service('cms').ports).toEqual(['1337:1337']);
    expect(service('web').ports).toBeUndefined();
  });

  it('starts each service only when what it needs is healthy', () => {
    expect(service('cms').depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(service('web').depends_on).toEqual({
      cms: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(service('proxy').depends_on).toEqual({ web: { condition: 'service_healthy' } });
  });

  it('checks the CMS through the database-aware /api/health, the web through its own, redis and the proxy', () => {
    expect(service('cms').healthcheck?.test.join(' ')).toContain('/api/health');
    expect(service('web').healthcheck?.test.join(' ')).toContain('/api/health');
    expect(service('redis').healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(service('proxy').healthcheck?.test.join(' ')).toContain('http://127.0.0.1/proxy-health');
  });

  it('runs Redis from the official image, unpublished and without persistence', () => {
    const redis = service('redis');
    expect(redis.image).toMatch(/^redis:\d/);
    expect(redis.ports).toBeUndefined();
    expect(redis.volumes).toBeUndefined();
    expect(redis.command?.join(' ')).toContain('--appendonly no');
  });

  it('runs at least two web replicas sharing the Redis cache, behind one trusted proxy hop', () => {
    const web = service('web');
    expect(web.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(web.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(web.environment?.REDIS_KEY_PREFIX).toBeTruthy();
    expect(web.environment?.TRUSTED_PROXY_HOPS).toBe('1');
  });

  it('names the proxy as the site for canonical URLs and the admin preview', () => {
    expect(service('web').environment?.SITE_URL).toBe('${SITE_URL:-http://localhost:8080}');
    expect(service('cms').environment?.CLIENT_URL).toBe('${SITE_URL:-http://localhost:8080}');
    expect(read('.env.example')).toMatch(/^SITE_URL=http:\/\/localhost:8080$/m);
  });

  it("runs the official nginx image on the repository's proxy config, every placeholder filled", () => {
    const proxy = service('proxy');
    expect(proxy.image).toMatch(/^nginx:1\.\d+/);
    expect(proxy.volumes).toEqual([
      './proxy/nginx.conf:/etc/nginx/templates/default.conf.template:ro',
      './proxy/reader.js:/etc/nginx/njs/reader.js:ro',
    ]);
    expect(proxy.environment?.NGINX_ENVSUBST_FILTER).toBe('^MARQUEE_');
    const placeholders = new Set(
      [...read('proxy/nginx.conf').matchAll(/\$\{(MARQUEE_[A-Z0-9_]+)\}/g)].map((match) => match[1] ?? ''),
    );
    expect([...placeholders].sort()).toEqual([
      'MARQUEE_CACHE_DIR',
      'MARQUEE_COOKIE_SECRET',
      'MARQUEE_FORWARD_SECRET',
      'MARQUEE_LISTEN',
      'MARQUEE_NJS_FILE',
      'MARQUEE_READER_SERVERS',
      'MARQUEE_REFRESH_SECRET',
      'MARQUEE_WEB_SERVERS',
    ]);
    for (const name of placeholders) expect(proxy.environment?.[name]).toBeTruthy();
    expect(proxy.environment?.MARQUEE_WEB_SERVERS).toMatch(/^server web:3000\b/);
    expect(proxy.environment?.MARQUEE_READER_SERVERS).toBe('server web:3000 max_fails=0;');
    expect(proxy.environment?.MARQUEE_NJS_FILE).toBe('/etc/nginx/njs/reader.js');
    // The web signs readers' cookies with this key and the proxy checks them with it.
    expect(proxy.environment?.MARQUEE_COOKIE_SECRET).toBe(service('web').environment?.COMMENT_COOKIE_SECRET);
    // The image ships njs; its main config does not load it.
    expect(proxy.command).toEqual(['nginx', '-g', 'load_module modules/ngx_http_js_module.so; daemon off;']);
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
    const required = new Set(
      [...read('docker-compose.yml').matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((match) => match[1] ?? ''),
    );
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
