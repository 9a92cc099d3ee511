import { bootStrapi, createDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';

/**
 * `npm start` runs the CMS in development and prints ADMIN_EMAIL / ADMIN_PASSWORD from cms/.env as the login.
 * Deleting cms/.env for new secrets while keeping the database (cms/.tmp/data.db) must not make that login false.
 * (The generated email is always admin@marquee.local; these tests use one per test.)
 */
let database: TestDatabase;
let app: TestApp | undefined;
// Logins are rate-limited per email (5 in 5 minutes, kept across boots in this process): each test has its own.
let ADMIN_EMAIL = '';
let tests = 0;

// Development mode warns about Strapi's default email provider on every boot; only errors are worth showing here.
const development = (password: string) => ({
  NODE_ENV: 'development',
  ADMIN_EMAIL,
  ADMIN_PASSWORD: password,
  TEST_LOG_LEVEL: 'error',
});
const login = (app: TestApp, password: string, email = ADMIN_EMAIL) =>
  app.api().post('/admin/login').send({ email, password });
const refreshCookie = async (app: TestApp, password: string) => {
  const header: unknown = (await login(app, password).expect(200)).headers['set-cookie'];
  const cookies = Array.isArray(header) ? header.map(String) : [String(header)];
  return cookies.find((cookie) => cookie.startsWith('strapi_admin_refresh='))?.split(';')[0] ?? '';
};

/** Boots on the kept database, as `npm start` does after cms/.env was regenerated. */
const restart = async (env: Record<string, string>) => {
  await app?.stop();
  app = await bootStrapi(env, { database });
  return app;
};

beforeEach(async () => {
  ADMIN_EMAIL = `admin-${(tests += 1)}@marquee.local`;
  database = await createDatabase();
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
  await database.drop();
});

describe('the development login printed by npm start', () => {
  it('works after cms/.env is regenerated with a new ADMIN_PASSWORD and the database is kept', async () => {
    const first = await restart(development('First-Password-1'));
    await login(first, 'First-Password-1').expect(200);

    const second = await restart(development('Second-Password-2'));
    await login(second, 'Second-Password-2').expect(200);
    await login(second, 'First-Password-1').expect(400);
    expect(await second.strapi.db.query('admin::user').count()).toBe(1);
  });

  it("works when the database's admins do not include ADMIN_EMAIL, and leaves them as they were", async () => {
    const editor = `editor-${tests}@marquee.local`;
    const first = await restart({ ...development('Editor-Password-1'), ADMIN_EMAIL: editor });
    await login(first, 'Editor-Password-1', editor).expect(200);

    const second = await restart(development('Second-Password-2'));
    await login(second, 'Second-Password-2').expect(200);
    const admin = await second.strapi.db
      .query('admin::user')
      .findOne({ where: { email: ADMIN_EMAIL }, populate: ['roles'] });
    expect(admin.roles).toEqual([expect.objectContaining({ code: 'strapi-super-admin' })]);
    await login(second, 'Editor-Password-1', editor).expect(200);
  });

  it('lets a deactivated development admin in again', async () => {
    const first = await restart(development('First-Password-1'));
    await first.strapi.db.query('admin::user').updateMany({ where: { email: ADMIN_EMAIL }, data: { isActive: false } });
    await login(first, 'First-Password-1').expect(400);

    const second = await restart(development('First-Password-1'));
    await login(second, 'First-Password-1').expect(200);
  });

  it.each([
    ['production', { NODE_ENV: 'production', JWT_SECRET: 'production-jwt-secret-0123456789' }],
    ['tests', { NODE_ENV: 'test' }],
  ])("never changes an existing admin's password in %s", async (_name, env) => {
    const first = await restart(development('First-Password-1'));
    await login(first, 'First-Password-1').expect(200);

    const second = await restart({ ...development('Other-Password-2'), ...env });
    await login(second, 'Other-Password-2').expect(400);
    await login(second, 'First-Password-1').expect(200);
  });
});

describe('CORS in development', () => {
  it('lets the admin panel at http://localhost:1337 refresh its session', async () => {
    const dev = await restart(development('First-Password-1'));
    const cookie = await refreshCookie(dev, 'First-Password-1');
    const response = await dev
      .api()
      .post('/admin/access-token')
      .set('Origin', 'http://localhost:1337')
      .set('Cookie', cookie)
      .send({})
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:1337');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
  });
});
