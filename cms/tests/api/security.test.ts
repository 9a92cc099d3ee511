import { hashIp } from '../../src/api/comment/domain/rules';
import { bootStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { commentInput, createComment, createReview, postComment, storedComment, unique } from '../helpers/fixtures';

let app: TestApp;
let review: { documentId: string; slug: string };
const SECRET_EMAIL = 'very.private@example.com';
const SECRET_AGENT = 'SecretAgent/7.0';

const SITE = 'http://localhost:3000';
const ADMIN_ORIGIN = 'https://cms.marquee.test';
const EXTRA_ORIGIN = 'https://preview.marquee.test';
const ADMIN = { email: 'security-admin@marquee.test', password: 'Security-Pass-123' };

beforeAll(async () => {
  app = await bootStrapi({
    CLIENT_URL: `${SITE}/`,
    PUBLIC_URL: `${ADMIN_ORIGIN}/`,
    CORS_ORIGINS: `${EXTRA_ORIGIN}, https://partner.marquee.test/feeds`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  const slug = unique('secure');
  const doc = await createReview(app.strapi, { slug });
  review = { documentId: doc.documentId, slug };
  const parent = await createComment(app.strapi, doc.documentId, {
    authorEmail: SECRET_EMAIL,
    userAgent: SECRET_AGENT,
    body: 'top',
  });
  await createComment(app.strapi, doc.documentId, {
    authorEmail: SECRET_EMAIL,
    userAgent: SECRET_AGENT,
    body: 'reply',
    parent: parent.documentId,
  });
});

afterAll(() => app.stop());

const PRIVATE = [
  SECRET_EMAIL,
  SECRET_AGENT,
  'f'.repeat(64),
  'authorEmail',
  'ipHash',
  'userAgent',
  'createdBy',
  'updatedBy',
  'password',
];
const expectNoPrivateFields = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const needle of PRIVATE) expect(text).not.toContain(needle);
};

describe('private fields never leave the public API', () => {
  it('keeps emails, IP hashes and user agents out of the comment thread at every depth', async () => {
    const response = await app.api().get(`/api/comments/review/${review.slug}`).expect(200);
    expect(response.body.data[0].replies).toHaveLength(1);
    expectNoPrivateFields(response.body);
  });

  it.each([
    ['populate=*', { populate: '*' }],
    ['nested populate', { 'populate[review][populate]': '*' }],
    ['fields[]=authorEmail', { 'fields[0]': 'authorEmail' }],
    ['a filter on authorEmail', { 'filters[authorEmail][$eq]': SECRET_EMAIL }],
    ['a sort on ipHash', { sort: 'ipHash:asc' }],
  ])('answers the thread with %s by 400', async (_name, query) => {
    const response = await app.api().get(`/api/comments/review/${review.slug}`).query(query).expect(400);
    expectNoPrivateFields(response.body);
  });

  it.each(['/api/reviews', '/api/faqs', '/api/films', '/api/authors', '/api/genres'])(
    'keeps private and admin fields out of %s whatever populate is asked for',
    async (path) => {
      for (const query of [{ populate: '*' }, { 'populate[0]': 'createdBy' }, { 'populate[film][populate]': '*' }]) {
        const response = await app.api().get(path).query(query);
        expect(response.status).toBeLessThan(500);
        expectNoPrivateFields(response.body);
      }
    },
  );

  it('answers filtering or sorting reviews by an admin-only field with 400', async () => {
    await app.api().get('/api/reviews').query({ 'filters[createdBy][email][$eq]': 'x@example.com' }).expect(400);
    await app.api().get('/api/reviews').query({ sort: 'createdBy.email:asc' }).expect(400);
  });

  it('returns only public fields when a comment is created', async () => {
    const response = await postComment(
      app,
      commentInput(review.documentId, { authorEmail: `${unique('p')}@example.com` }),
    ).expect(201);
    expect(Object.keys(response.body.data).sort()).toEqual(
      ['authorName', 'authorWebsite', 'body', 'createdAt', 'documentId', 'moderationStatus', 'parent', 'rating'].sort(),
    );
  });
});

describe('mass assignment', () => {
  it.each([
    ['moderationStatus', 'approved'],
    ['publishedAt', '2020-01-01T00:00:00.000Z'],
    ['ipHash', 'a'.repeat(64)],
    ['documentId', 'chosen-id'],
    ['heldReason', 'none'],
    ['userAgent', 'Forged/1.0'],
  ])('refuses a comment that sets %s with 400 and stores nothing', async (field, value) => {
    const before = await app.strapi.db.query('api::comment.comment').count();
    const response = await postComment(app, commentInput(review.documentId, { [field]: value })).expect(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: [field] })]);
    expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before);
  });
});

describe("the trusted path for the reader's address", () => {
  it('believes X-Marquee-Client-IP with the web token', async () => {
    const response = await postComment(app, commentInput(review.documentId), '192.0.2.44').expect(201);
    expect((await storedComment(app.strapi, response.body.data.documentId)).ipHash).toBe(
      hashIp('192.0.2.44', TEST_SECRETS.COMMENT_IP_HASH_SECRET),
    );
  });

  it('ignores X-Marquee-Client-IP with any other token', async () => {
    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    };
    const { accessKey } = await tokens.create({ name: unique('full'), type: 'full-access', lifespan: null });
    const response = await app
      .api()
      .post('/api/comments')
      .set('Authorization', `Bearer ${accessKey}`)
      .set('X-Marquee-Client-IP', '192.0.2.99')
      .send({ data: commentInput(review.documentId) })
      .expect(201);
    const stored = await storedComment(app.strapi, response.body.data.documentId);
    expect(stored.ipHash).not.toBe(hashIp('192.0.2.99', TEST_SECRETS.COMMENT_IP_HASH_SECRET));
  });
});

describe('what anonymous visitors may not do', () => {
  it('cannot post a comment straight to the CMS', async () => {
    await app
      .api()
      .post('/api/comments')
      .send({ data: commentInput(review.documentId) })
      .expect(403);
  });

  it.each([
    ['POST', '/api/reviews'],
    ['PUT', '/api/reviews/REVIEW'],
    ['DELETE', '/api/reviews/REVIEW'],
    ['PUT', '/api/faqs/x'],
    ['DELETE', '/api/films/x'],
    ['PUT', '/api/comments/x'],
    ['DELETE', '/api/comments/x'],
    ['GET', '/api/moderation-setting'],
    ['PUT', '/api/moderation-setting'],
    ['POST', '/api/upload'],
    ['POST', '/api/auth/local/register'],
    ['GET', '/api/users'],
  ])('%s %s answers 403', async (method, path) => {
    const url = path.replace('REVIEW', review.documentId);
    const response = await app
      .api()
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url)
      .send({ data: { title: 'x' } });
    expect(response.status).toBe(403);
  });

  it('cannot list comments through the core route', async () => {
    const response = await app.api().get('/api/comments');
    expect([403, 404, 405]).toContain(response.status);
    expectNoPrivateFields(response.body);
  });
});

describe('what the web token may not do', () => {
  it.each([
    ['PUT', '/api/reviews/REVIEW'],
    ['DELETE', '/api/comments/x'],
    ['GET', '/api/moderation-setting'],
    ['POST', '/api/upload'],
    ['GET', '/api/users'],
  ])('%s %s answers 403', async (method, path) => {
    const url = path.replace('REVIEW', review.documentId);
    const response = await app
      .api()
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url)
      .set('Authorization', `Bearer ${TEST_SECRETS.WEB_API_TOKEN}`)
      .send({ data: { title: 'x' } });
    expect(response.status).toBe(403);
  });
});

/** The admin's refresh cookie, as a browser holding an admin session would send it. */
const refreshCookie = async () => {
  const header: unknown = (await app.api().post('/admin/login').send(ADMIN).expect(200)).headers['set-cookie'];
  const cookies = Array.isArray(header) ? header.map(String) : [String(header)];
  const refresh = cookies.find((cookie) => cookie.startsWith('strapi_admin_refresh='));
  if (!refresh) throw new Error(`no refresh cookie in ${JSON.stringify(cookies)}`);
  return refresh.split(';')[0] ?? '';
};

describe('CORS', () => {
  const FOREIGN = ['https://evil.example', 'null', 'http://localhost:1337', `${SITE}.evil.example`];
  // Logging in is rate-limited (5 per email and address): one session serves every foreign origin.
  let cookie: string;
  beforeAll(async () => {
    cookie = await refreshCookie();
  });

  it.each(FOREIGN)('gives %s no access to the admin API, even with the admin refresh cookie', async (origin) => {
    const responses = [
      await app.api().post('/admin/access-token').set('Origin', origin).set('Cookie', cookie).send({}),
      await app.api().get('/admin/init').set('Origin', origin),
      await app.api().options('/admin/access-token').set('Origin', origin).set('Access-Control-Request-Method', 'POST'),
    ];
    for (const response of responses) {
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it.each(FOREIGN)('gives %s no access to the content API', async (origin) => {
    for (const path of ['/api/reviews', `/api/comments/review/${review.slug}`]) {
      const response = await app.api().get(path).set('Origin', origin).expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const preflight = await app
      .api()
      .options('/api/comments')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("lets the admin panel's own origin (PUBLIC_URL) refresh its session from a browser", async () => {
    const response = await app
      .api()
      .post('/admin/access-token')
      .set('Origin', ADMIN_ORIGIN)
      .set('Cookie', await refreshCookie())
      .send({})
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(ADMIN_ORIGIN);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.body.data.token).toEqual(expect.any(String));
  });

  it.each([SITE, ADMIN_ORIGIN, EXTRA_ORIGIN, 'https://partner.marquee.test'])(
    'lets %s read the content API',
    async (origin) => {
      const response = await app.api().get('/api/reviews').set('Origin', origin).expect(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers.vary).toMatch(/Origin/);
      const preflight = await app
        .api()
        .options('/api/reviews')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    },
  );
});

describe('response headers', () => {
  it.each([
    ['GET', '/api/reviews', 200],
    ['GET', '/api/health', 200],
    ['GET', '/admin/init', 200],
    ['GET', '/api/no-such-route', 404],
    ['POST', '/admin/access-token', 401],
    ['GET', '/api/reviews?filters[rating][$gt]=abc', 400],
  ])('%s %s answers without X-Powered-By', async (method, path, status) => {
    const response = await app.api()[method === 'GET' ? 'get' : 'post'](path);
    expect(response.status).toBe(status);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('malformed query input answers 400, not 500', () => {
  const LISTS = ['/api/reviews', '/api/faqs', '/api/films', '/api/authors', '/api/genres'];
  const HUGE = '99999999999999999999';

  const expect400 = async (path: string, query: Record<string, string>) => {
    const response = await app.api().get(path).query(query);
    expect({ path, query, status: response.status }).toEqual({ path, query, status: 400 });
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    return response;
  };

  it.each([
    ['a word compared with a decimal', { 'filters[rating][$gt]': 'abc' }],
    ['a word in a list of decimals', { 'filters[rating][$in][0]': 'x' }],
    ['a word as a decimal, without an operator', { 'filters[rating]': 'x' }],
    ['a number too large to be one', { 'filters[rating][$lt]': '1e400' }],
    ['a word in a range', { 'filters[rating][$between][0]': 'a', 'filters[rating][$between][1]': '5' }],
    ['a range of one value', { 'filters[rating][$between]': '4' }],
    ['a word compared with an integer', { 'filters[bestRating][$eq]': 'five' }],
    ["an integer beyond PostgreSQL's integer", { 'filters[bestRating][$gt]': '3000000000' }],
    ["a word compared with a related film's year", { 'filters[film][year][$gt]': 'abc' }],
    ["a word as a related film's id", { 'filters[film]': 'abc' }],
    ["a word in a component's id", { 'filters[sections][id][$eq]': 'x' }],
    ['text matching on a number', { 'filters[rating][$contains]': '4' }],
    ['comparing a rich-text (JSON) field', { 'filters[sections][body][$eq]': 'x' }],
    ['$or that is not a list', { 'filters[$or][a][title]': 'x' }],
    ['an operator where a field belongs', { 'filters[$eq]': '1' }],
    ['a group operator inside a field', { 'filters[rating][$and][0][$gt]': '1' }],
  ])('refuses %s on /api/reviews', async (_name, query) => {
    const response = await expect400('/api/reviews', query);
    expect(response.body.error.message).toMatch(/^filters/);
  });

  it.each(LISTS)('refuses a malformed id and an out-of-range page on %s', async (path) => {
    await expect400(path, { 'filters[id][$gt]': 'abc' });
    await expect400(path, { 'filters[id][$in][0]': 'x' });
    await expect400(path, { 'filters[id][$eq]': HUGE });
    const outOfRange: Record<string, string>[] = [
      { 'pagination[page]': HUGE },
      { 'pagination[page]': '10001' },
      { 'pagination[start]': HUGE },
    ];
    for (const query of outOfRange) {
      const response = await expect400(path, query);
      expect(JSON.stringify(response.body)).not.toMatch(/99999999999999999999|1e\+20|100000000000000000000/);
    }
    const last = await app.api().get(path).query({ 'pagination[page]': '10000' }).expect(200);
    expect(last.body.meta.pagination.page).toBe(10000);
  });

  it.each([
    ['a NUL in a search', '/api/search?q=%00'],
    ['a NUL in an exact slug filter', '/api/reviews?filters[slug][$eq]=%00'],
    ['a NUL in a text filter', '/api/reviews?filters[title][$containsi]=a%00b'],
    ['a NUL as a review id', '/api/reviews/%00'],
    ["a NUL as a thread's review slug", '/api/comments/review/%00'],
    ['a NUL in a FAQ filter', '/api/faqs?filters[question][$contains]=%00'],
    ['another control character in a filter', '/api/films?filters[title][$eq]=%01'],
    ['a broken escape in the query', '/api/reviews?filters[slug][$eq]=%E0%A4%A'],
    ['a broken escape in the path', '/api/comments/review/%C3'],
    ['a lone escape sign', '/api/search?q=100%'],
  ])('refuses %s with 400', async (_name, url) => {
    const response = await app.api().get(url);
    expect({ url, status: response.status }).toEqual({ url, status: 400 });
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  });

  it('still answers ordinary escapes, spaces and non-ASCII text', async () => {
    await app.api().get('/api/search?q=caf%C3%A9+noir').expect(200);
    await app
      .api()
      .get(`/api/reviews?filters[slug][$eq]=${encodeURIComponent(review.slug)}&filters[title][$containsi]=%C3%A9`)
      .expect(200);
    await app.api().get('/api/comments/review/%C3%A9t%C3%A9').expect(404);
  });

  it('still answers well-formed numeric filters', async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .query({
        'filters[rating][$between][0]': '3.5',
        'filters[rating][$between][1]': '4',
        'filters[slug][$eq]': review.slug,
      })
      .expect(200);
    expect(response.body.data.map((item: { slug: string }) => item.slug)).toEqual([review.slug]);
    await app.api().get('/api/films').query({ 'filters[year][$gte]': '2000', 'filters[id][$in][0]': '1' }).expect(200);
  });
});
