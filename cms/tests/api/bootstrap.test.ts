import { seedDemoContent } from '../../src/bootstrap/seed';
import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
const ADMIN_EMAIL = 'editor-in-chief@marquee.test';

beforeAll(async () => {
  app = await bootStrapi({ SEED_DEMO_CONTENT: 'true', ADMIN_EMAIL, ADMIN_PASSWORD: 'Dev-Password-123' });
});

afterAll(() => app.stop());

const counts = async () => {
  const result: Record<string, number> = {};
  for (const uid of [
    'api::review.review',
    'api::film.film',
    'api::author.author',
    'api::genre.genre',
    'api::faq.faq',
    'api::comment.comment',
  ] as const) {
    result[uid] = await app.strapi.db.query(uid).count();
  }
  return result;
};

describe('demo content', () => {
  it('seeds at least six published reviews with films, authors and genres', async () => {
    const response = await app.api().get('/api/reviews').query({ 'pagination[pageSize]': 50 }).expect(200);
    expect(response.body.data.length).toBeGreaterThanOrEqual(6);
    for (const review of response.body.data) {
      expect(review.film).toMatchObject({ title: expect.any(String), year: expect.any(Number) });
      expect(review.author).toMatchObject({ name: expect.any(String) });
      expect(review.genres.length).toBeGreaterThan(0);
      expect(review.cover).toMatchObject({
        url: expect.stringMatching(/^\/uploads\/.+\.webp$/),
        width: 1200,
        height: 675,
        alternativeText: expect.stringContaining(review.film.title),
      });
      expect(review.film.poster).toMatchObject({
        url: expect.stringMatching(/^\/uploads\/.+\.webp$/),
        width: 600,
        height: 900,
      });
    }
    const image = await app.api().get(response.body.data[0].cover.url).expect(200);
    expect(image.headers['content-type']).toBe('image/webp');
  });

  it('seeds the Miracle in Cell No. 7 review with its seven sections, a verdict and five FAQs', async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .query({ 'filters[slug][$eq]': 'miracle-in-cell-no-7-review' })
      .expect(200);
    const [review] = response.body.data;
    expect(review.film).toMatchObject({ title: 'Miracle in Cell No. 7', year: 2013, country: 'South Korea' });
    expect(review.sections.map((section: { heading: string }) => section.heading)).toEqual([
      'Plot summary',
      'Themes',
      'Cinematic elements',
      'Cultural impact',
      'Box office',
      'Critical acclaim',
      'Remakes',
    ]);
    expect(review.verdict).toEqual(expect.any(String));
    expect(review.faqs.length).toBeGreaterThanOrEqual(5);
  });

  it('seeds approved comments with a threaded reply, and pending and spam ones for moderators', async () => {
    const thread = await app.api().get('/api/comments/review/miracle-in-cell-no-7-review').expect(200);
    expect(thread.body.data.some((comment: { replies: unknown[] }) => comment.replies.length > 0)).toBe(true);
    const query = app.strapi.db.query('api::comment.comment');
    expect(await query.count({ where: { moderationStatus: 'pending' } })).toBeGreaterThan(0);
    expect(await query.count({ where: { moderationStatus: 'spam' } })).toBeGreaterThan(0);
  });

  it('seeds reviews and FAQs last modified when they were published, never before (JSON-LD dateModified >= datePublished)', async () => {
    for (const path of ['/api/reviews', '/api/faqs']) {
      const response = await app.api().get(path).query({ 'pagination[pageSize]': 50 }).expect(200);
      expect(response.body.data.length).toBeGreaterThan(0);
      for (const { documentId, updatedAt, publishedAt } of response.body.data) {
        expect({ documentId, modifiedBeforePublished: Date.parse(updatedAt) < Date.parse(publishedAt) }).toEqual({
          documentId,
          modifiedBeforePublished: false,
        });
      }
    }
  });

  it('leaves no seeded draft newer than its published version (the admin shows Published, not Modified)', async () => {
    for (const uid of ['api::review.review', 'api::faq.faq'] as const) {
      const rows: { documentId: string; updatedAt: string; publishedAt: string | null }[] = await app.strapi.db
        .query(uid)
        .findMany({ select: ['documentId', 'updatedAt', 'publishedAt'] });
      const published = new Map(
        rows.filter((row) => row.publishedAt).map((row) => [row.documentId, Date.parse(row.updatedAt)]),
      );
      for (const draft of rows.filter((row) => !row.publishedAt)) {
        expect({
          uid,
          documentId: draft.documentId,
          draftIsNewer: Date.parse(draft.updatedAt) > (published.get(draft.documentId) ?? 0),
        }).toEqual({
          uid,
          documentId: draft.documentId,
          draftIsNewer: false,
        });
      }
    }
  });

  it('changes nothing when it runs again', async () => {
    const before = await counts();
    await seedDemoContent(app.strapi);
    expect(await counts()).toEqual(before);
  });
});

describe('start-up configuration', () => {
  it('gives the Public role exactly the reads the site needs', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    expect(role.permissions.map((permission: { action: string }) => permission.action).sort()).toEqual([
      'api::author.author.find',
      'api::author.author.findOne',
      'api::comment.comment.findForReview',
      'api::comment.comment.locate',
      'api::faq.faq.find',
      'api::faq.faq.findOne',
      'api::film.film.find',
      'api::film.film.findOne',
      'api::genre.genre.find',
      'api::genre.genre.findOne',
      'api::review.review.find',
      'api::review.review.findOne',
      'api::search.search.find',
    ]);
  });

  it('creates the web token with only its permissions', async () => {
    const token = await app.strapi.db
      .query('admin::api-token')
      .findOne({ where: { name: 'marquee-web' }, populate: ['permissions'] });
    expect(token.type).toBe('custom');
    expect(token.permissions.map((permission: { action: string }) => permission.action).sort()).toEqual([
      'api::author.author.find',
      'api::author.author.findOne',
      'api::comment-report.comment-report.create',
      'api::comment.comment.create',
      'api::faq.faq.find',
      'api::faq.faq.findOne',
      'api::film.film.find',
      'api::film.film.findOne',
      'api::genre.genre.find',
      'api::genre.genre.findOne',
      'api::mail.mail.confirm',
      'api::mail.mail.unsubscribe',
      'api::review.review.find',
      'api::review.review.findOne',
    ]);
  });

  it('creates Editor and Moderator roles limited to their content', async () => {
    const subjects = async (code: string) => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code }, populate: ['permissions'] });
      return new Set(
        role.permissions.map(
          (permission: { subject: string | null; action: string }) => permission.subject ?? permission.action,
        ),
      );
    };
    const editor = await subjects('strapi-editor');
    expect(editor).toEqual(
      new Set([
        'api::review.review',
        'api::film.film',
        'api::author.author',
        'api::genre.genre',
        'api::faq.faq',
        'plugin::upload.read',
        'plugin::upload.configure-view',
        'plugin::upload.assets.create',
        'plugin::upload.assets.update',
        'plugin::upload.assets.download',
        'plugin::upload.assets.copy-link',
        'api::moderation-desk.use',
        'api::moderation-desk.promote-faq',
        'api::redirect.redirect',
        'api::newsroom.use',
      ]),
    );
    const moderator = await subjects('marquee-moderator');
    expect(moderator).toEqual(
      new Set([
        'api::comment.comment',
        'api::comment-report.comment-report',
        'api::moderation-setting.moderation-setting',
        'api::review.review',
        'api::moderation-desk.use',
        'api::moderation-desk.personal-data',
      ]),
    );
  });

  it('lists comments newest first with name, excerpt, status, review and date', async () => {
    const configuration = await (
      app.strapi.plugin('content-manager').service('content-types') as unknown as {
        findConfiguration(
          contentType: unknown,
        ): Promise<{ settings: Record<string, unknown>; layouts: { list: string[] } }>;
      }
    ).findConfiguration(app.strapi.contentType('api::comment.comment'));
    expect(configuration.settings).toMatchObject({ defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' });
    expect(configuration.layouts.list).toEqual(['authorName', 'body', 'moderationStatus', 'review', 'createdAt']);
  });

  it('creates the development admin from ADMIN_EMAIL when none exists', async () => {
    const admin = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: ADMIN_EMAIL }, populate: ['roles'] });
    expect(admin).toMatchObject({ isActive: true, roles: [expect.objectContaining({ code: 'strapi-super-admin' })] });
  });

  it('creates moderation settings with their defaults', async () => {
    const settings = await app.api().get('/api/moderation-setting');
    expect(settings.status).toBe(403);
    expect(await app.strapi.documents('api::moderation-setting.moderation-setting').findFirst()).toMatchObject({
      linkThreshold: 2,
      autoApproveReturning: true,
      closeAfterDays: 0,
      floodIntervalSeconds: 15,
    });
  });
});

describe('health', () => {
  it('answers ok only after asking the database', async () => {
    expect((await app.api().get('/api/health').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
    // knex's connection cannot be stopped and restarted inside one test; stand in a connection that refuses.
    const db = app.strapi.db as unknown as Record<string, unknown>;
    const descriptor = Object.getOwnPropertyDescriptor(db, 'connection');
    Object.defineProperty(db, 'connection', {
      configurable: true,
      value: { raw: () => Promise.reject(new Error('connection refused')) },
    });
    try {
      expect((await app.api().get('/api/health').expect(503)).body).toEqual({ status: 'error', database: 'down' });
    } finally {
      if (descriptor) Object.defineProperty(db, 'connection', descriptor);
    }
    await app.api().get('/api/health').expect(200);
  });
});
