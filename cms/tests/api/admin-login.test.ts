import { bootStrapi, type TestApp } from '../helpers/strapi';
import { unique } from '../helpers/fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ ADMIN_LOGIN_MAX_PER_ADDRESS: '4', ADMIN_LOGIN_WINDOW_MINUTES: '15' });
});

afterAll(() => app.stop());

const login = (email: string) => app.api().post('/admin/login').send({ email, password: 'Wrong-Passw0rd!' });

describe('admin sign-in attempts per address', () => {
  it('answers 429 once one address has tried as many accounts as allowed, whatever the next email', async () => {
    // Strapi's own limit counts per email and address: each attempt here names another account.
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await login(`${unique('victim')}@marquee.test`)).status).toBe(400);
    }
    const refused = await login(`${unique('victim')}@marquee.test`);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      status: 429,
      name: 'RateLimitError',
      message: 'Too many sign-in attempts from this address. Please try again later.',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(
      (
        await app
          .api()
          .post('/admin/forgot-password')
          .send({ email: `${unique('victim')}@marquee.test` })
      ).status,
    ).toBe(429);
  });

  it('leaves other admin requests alone', async () => {
    expect((await app.api().get('/admin/init')).status).toBe(200);
  });
});
