import { env } from '@strapi/utils';
import middlewares from '../../config/middlewares';

const VARS = ['NODE_ENV', 'PORT', 'PUBLIC_URL', 'CLIENT_URL', 'CORS_ORIGINS'];
const saved = Object.fromEntries(VARS.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of VARS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** The CORS origins config/middlewares.ts gives strapi::cors for this environment. */
const corsOrigins = (vars: Record<string, string | undefined>) => {
  for (const name of VARS) delete process.env[name];
  Object.assign(process.env, vars);
  const cors = middlewares({ env }).find(
    (entry) => typeof entry === 'object' && 'name' in entry && entry.name === 'strapi::cors',
  );
  if (typeof cors !== 'object' || !('config' in cors)) throw new Error('strapi::cors is not configured');
  return cors.config;
};

describe('config/middlewares.ts', () => {
  it("allows only the admin's own origin, the site and CORS_ORIGINS, as bare origins", () => {
    expect(
      corsOrigins({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://cms.example.org/',
        CLIENT_URL: 'https://www.example.org/reviews',
        CORS_ORIGINS: 'https://preview.example.org, https://partner.example.net:8443/feed',
      }),
    ).toEqual({
      origin: [
        'https://cms.example.org',
        'https://www.example.org',
        'https://preview.example.org',
        'https://partner.example.net:8443',
      ],
    });
  });

  it('adds the local admin panel in development only', () => {
    expect(corsOrigins({ NODE_ENV: 'development' })).toEqual({
      origin: ['http://localhost:1337', 'http://localhost:3000'],
    });
    expect(corsOrigins({ NODE_ENV: 'development', PORT: '1440' })).toEqual({
      origin: ['http://localhost:1440', 'http://localhost:3000'],
    });
    expect(corsOrigins({ NODE_ENV: 'production' })).toEqual({ origin: ['http://localhost:3000'] });
  });

  it('stops the start on an origin that is not an http(s) URL, rather than locking browsers out silently', () => {
    expect(() => corsOrigins({ CORS_ORIGINS: 'preview.example.org' })).toThrow(
      'CORS_ORIGINS must be an http(s) URL, got "preview.example.org"',
    );
    expect(() => corsOrigins({ CLIENT_URL: 'javascript:alert(1)' })).toThrow(/CLIENT_URL must be an http\(s\) URL/);
  });

  it('never allows every origin, and leaves out strapi::poweredBy', () => {
    const list = middlewares({ env });
    expect(JSON.stringify(list)).not.toContain('"*"');
    expect(list).not.toContain('strapi::poweredBy');
  });
});
