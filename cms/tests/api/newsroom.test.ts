import type { ScheduleRun } from '../../src/api/newsroom/domain/scheduler';
import { seedImage } from '../../src/bootstrap/seed-images';
import { createReview, paragraph, unique } from '../helpers/fixtures';
import { bootStrapi, createDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';

const REVIEW = 'api::review.review';
const FAQ = 'api::faq.faq';
const PASSWORD = 'Newsroom-Test-Pass-1';

const ENV = { REVISIONS_KEPT: '5', CRON_ENABLED: 'false', REDIRECT_ALLOWED_HOSTS: 'letterboxd.com' };

let database: TestDatabase;
let app: TestApp;
let editor: string;
let cover: number;

const reviews = () => app.strapi.documents(REVIEW);
/** The scheduler's run, through the app (its modules, not a second copy of them). */
const runSchedule = (now?: Date): Promise<ScheduleRun> =>
  (
    app.strapi.service('api::newsroom.newsroom') as unknown as { runSchedule(now?: Date): Promise<ScheduleRun> }
  ).runSchedule(now);
const faqs = () => app.strapi.documents(FAQ);

/** An admin user with the role of this code, logged in through /admin/login as the panel does. */
const login = async (code: string, on: TestApp = app) => {
  const role = await on.strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `${unique(code)}@marquee.test`;
  await (
    on.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> }
  ).create({
    email,
    firstname: 'Eddie',
    lastname: 'Tor',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const response = await on.api().post('/admin/login').send({ email, password: PASSWORD }).expect(200);
  return String(response.body.data.token);
};
let seededToken: string | undefined;
const seededEditor = async (on: TestApp) => (seededToken ??= await login('strapi-editor', on));

/** A review that passes the checklist, as a draft. */
const goodDraft = (data: Record<string, unknown> = {}) =>
  createReview(
    app.strapi,
    {
      excerpt: 'A patient, humane film about a father and daughter that earns every one of its tears.',
      verdict: 'See it.',
      cover,
      sections: ['Plot summary', 'Themes', 'Cinematic elements'].map((heading) => ({
        heading,
        body: paragraph(`${heading} in a few words.`),
        spoiler: false,
      })),
      ...data,
    },
    'draft',
  );

const live = (documentId: string) =>
  app.strapi.db.query(REVIEW).findOne({ where: { documentId, publishedAt: { $notNull: true } } });
const draftRow = (documentId: string) =>
  app.strapi.db.query(REVIEW).findOne({ where: { documentId, publishedAt: null } });
const resolve = (path: string) => app.api().get('/api/redirects/resolve').query({ path });
const adminPublish = (documentId: string) =>
  app
    .api()
    .post(`/content-manager/collection-types/${REVIEW}/${documentId}/actions/publish`)
    .set('Authorization', `Bearer ${editor}`)
    .send({});

beforeAll(async () => {
  database = await createDatabase();
  app = await bootStrapi(ENV, { database });
  editor = await login('strapi-editor');
  cover = (await seedImage(app.strapi, unique('cover'), 'A father and daughter on a hill', 64, 36)) ?? 0;
});

afterAll(async () => {
  await app.stop();
  await database.drop();
});

describe("a review's FAQs", () => {
  it('are never site-wide FAQs: refused alone while the review is a draft, published and unpublished with it', async () => {
    const review = await goodDraft();
    const faq = await faqs().create({
      data: {
        question: 'Is it too sad for children?',
        answer: paragraph('Yes, for young ones.'),
        order: 1,
        review: review.documentId,
      } as never,
    });
    await expect(faqs().publish({ documentId: faq.documentId })).rejects.toThrow(/published with the review/);
    const siteFaqs = async () =>
      (await app.api().get('/api/faqs').query({ 'filters[review][$null]': 'true' }).expect(200)).body.data.map(
        (item: { documentId: string }) => item.documentId,
      );
    expect(await siteFaqs()).not.toContain(faq.documentId);

    await reviews().publish({ documentId: review.documentId });
    const published = await app
      .api()
      .get('/api/faqs')
      .query({ 'filters[review][documentId][$eq]': review.documentId })
      .expect(200);
    expect(published.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([faq.documentId]);
    expect(await siteFaqs()).not.toContain(faq.documentId);

    await reviews().unpublish({ documentId: review.documentId });
    expect(
      await app.strapi.db
        .query(FAQ)
        .findOne({ where: { documentId: faq.documentId, publishedAt: { $notNull: true } } }),
    ).toBeNull();
    expect(await siteFaqs()).not.toContain(faq.documentId);
  });
});

describe('publication dates and slugs', () => {
  it('keeps the first publication date through republishes', async () => {
    const review = await goodDraft();
    await reviews().publish({ documentId: review.documentId });
    const first = (await live(review.documentId)).firstPublishedAt;
    expect(first).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await reviews().update({ documentId: review.documentId, data: { verdict: 'See it twice.' } as never });
    await reviews().publish({ documentId: review.documentId });
    const again = await live(review.documentId);
    expect(new Date(again.firstPublishedAt).toISOString()).toBe(new Date(first).toISOString());
    expect(new Date(again.publishedAt).getTime()).toBeGreaterThan(new Date(first).getTime());
    const api = await app
      .api()
      .get('/api/reviews')
      .query({ 'filters[documentId][$eq]': review.documentId })
      .expect(200);
    expect(new Date(api.body.data[0].firstPublishedAt).toISOString()).toBe(new Date(first).toISOString());
  });

  it('lets the slug follow the title until the review is first published, then keeps it', async () => {
    const created = await reviews().create({
      data: {
        title: 'The Host',
        slug: 'review',
        excerpt: 'x',
        rating: 4,
        bestRating: 5,
        worstRating: 1,
        commentsOpen: true,
        cover,
      } as never,
    });
    expect(created.slug).toMatch(/^the-host(-\d+)?$/);
    const renamed = await reviews().update({
      documentId: created.documentId,
      data: { title: 'The Host (2006)', slug: created.slug } as never,
    });
    expect(renamed?.slug).toMatch(/^the-host-2006(-\d+)?$/);
    const own = await reviews().update({
      documentId: created.documentId,
      data: { title: 'The Host, again', slug: 'my-own-slug' } as never,
    });
    expect(own?.slug).toBe('my-own-slug');

    const other = await goodDraft({ title: 'Mother', slug: 'mother' });
    await reviews().publish({ documentId: other.documentId });
    const after = await reviews().update({
      documentId: other.documentId,
      data: { title: 'Mother (2009)', slug: 'mother' } as never,
    });
    expect(after?.slug).toBe('mother');
  });
});

describe('the pre-publish checklist', () => {
  it("refuses an editor's Publish with a message naming each field in error, and lets warnings through", async () => {
    const review = await goodDraft({ excerpt: '', verdict: '', sections: [] });
    const refused = await adminPublish(review.documentId).expect(400);
    expect(refused.body.error.message).toMatch(/excerpt: Write an excerpt/);
    expect(await live(review.documentId)).toBeNull();

    const noAlt = await seedImage(app.strapi, unique('bare'), '', 32, 18);
    await reviews().update({
      documentId: review.documentId,
      data: { excerpt: 'Long enough to be a meta description for search engines to show.', cover: noAlt } as never,
    });
    expect((await adminPublish(review.documentId).expect(400)).body.error.message).toMatch(
      /cover: The cover has no alternative text/,
    );

    await reviews().update({ documentId: review.documentId, data: { cover } as never });
    // No verdict and no sections are warnings only.
    await adminPublish(review.documentId).expect(200);
    expect(await live(review.documentId)).not.toBeNull();
  });

  it('refuses a FAQ without an answer, and a scheduled publish that fails it is logged, not published', async () => {
    const review = await goodDraft({ publishAt: new Date(Date.now() - 1000).toISOString() });
    await faqs().create({
      data: {
        question: 'Unanswered?',
        answer: [{ type: 'paragraph', children: [{ type: 'text', text: ' ' }] }],
        order: 1,
        review: review.documentId,
      } as never,
    });
    const run = await runSchedule();
    expect(run.refused.map((item) => item.documentId)).toContain(review.documentId);
    expect(run.refused.find((item) => item.documentId === review.documentId)?.reason).toMatch(
      /faqs: FAQ 1 \(Unanswered\?\) has no answer/,
    );
    expect(await live(review.documentId)).toBeNull();
  });
});

describe('scheduled publishing', () => {
  it('publishes at publishAt, never before, exactly once however many runs race for it', async () => {
    const at = new Date(Date.now() + 60_000);
    const review = await goodDraft({ publishAt: at.toISOString() });
    expect((await runSchedule(new Date(at.getTime() - 1000))).published).toEqual([]);
    expect(await live(review.documentId)).toBeNull();

    const runs = await Promise.all(Array.from({ length: 5 }, () => runSchedule(new Date(at.getTime() + 1000))));
    expect(runs.flatMap((run) => run.published).filter((id) => id === review.documentId)).toHaveLength(1);
    expect(await live(review.documentId)).not.toBeNull();
    expect((await draftRow(review.documentId)).publishAt).toBeNull();
    const log = await app.strapi.db
      .query('api::newsroom.activity')
      .findMany({ where: { reviewDocumentId: review.documentId, action: 'scheduledPublish' } });
    expect(log).toHaveLength(1);
    expect(log[0].actorName).toBe('Scheduler');
  });

  it('cancels when publishAt is cleared, and unpublishes at unpublishAt', async () => {
    const at = new Date(Date.now() + 60_000);
    const review = await goodDraft({ publishAt: at.toISOString() });
    await reviews().update({ documentId: review.documentId, data: { publishAt: null } as never });
    expect((await runSchedule(new Date(at.getTime() + 1000))).published).not.toContain(review.documentId);
    expect(await live(review.documentId)).toBeNull();

    await reviews().publish({ documentId: review.documentId });
    await reviews().update({ documentId: review.documentId, data: { unpublishAt: at.toISOString() } as never });
    expect((await runSchedule(new Date(at.getTime() - 1000))).unpublished).toEqual([]);
    expect((await runSchedule(new Date(at.getTime() + 1000))).unpublished).toEqual([review.documentId]);
    expect(await live(review.documentId)).toBeNull();
  });

  it('publishes what came due while the CMS was down when it starts again, and logs it', async () => {
    const review = await goodDraft({ publishAt: new Date(Date.now() + 2_000).toISOString() });
    await app.stop();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    app = await bootStrapi({ ...ENV, CRON_ENABLED: 'true', SCHEDULE_EVERY_SECONDS: '1' }, { database });
    const logged = () =>
      app.strapi.db
        .query('api::newsroom.activity')
        .findMany({ where: { reviewDocumentId: review.documentId, action: 'scheduledPublish' } });
    const deadline = Date.now() + 10_000;
    while ((await logged()).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await live(review.documentId)).not.toBeNull();
    expect(await logged()).toHaveLength(1);
  });
});

describe('revisions', () => {
  it('keeps a private snapshot per save, diffs two of them word by word, and restores one as a draft only', async () => {
    const review = await goodDraft({ title: 'Parasite review' });
    const id = review.documentId;
    await reviews().publish({ documentId: id });
    const sections = [
      { heading: 'Plot summary', body: paragraph('A poor family moves into a rich house.'), spoiler: false },
      { heading: 'Themes', body: paragraph('Class, smell and stairs.'), spoiler: false },
      { heading: 'Cinematic elements', body: paragraph('Vertical staging.'), spoiler: false },
    ];
    await reviews().update({ documentId: id, data: { sections } as never });
    await reviews().update({
      documentId: id,
      data: {
        sections: [{ ...sections[0], body: paragraph('A family moves in.') }, sections[1], sections[2]],
      } as never,
    });

    const list = await app
      .api()
      .get(`/newsroom/reviews/${id}/revisions`)
      .set('Authorization', `Bearer ${editor}`)
      .expect(200);
    const revisions: { id: number; action: string; actor: string; changedFields: string[] }[] = list.body.revisions;
    expect(revisions.map((item) => item.action)).toEqual(['update', 'update', 'publish', 'create']);
    expect(revisions[0]?.changedFields).toEqual(['sections']);
    expect(revisions[3]?.actor).toBe('Marquee');

    const [newest, older] = revisions;
    const diff = await app
      .api()
      .get(`/newsroom/reviews/${id}/diff`)
      .query({ left: older?.id, right: newest?.id })
      .set('Authorization', `Bearer ${editor}`)
      .expect(200);
    const plot = diff.body.fields.find((field: { field: string }) => field.field === 'sections.1');
    expect(plot.kind).toBe('words');
    expect(
      plot.parts
        .filter((part: { removed: boolean }) => part.removed)
        .map((part: { value: string }) => part.value.trim()),
    ).toContain('poor');

    await app
      .api()
      .post(`/newsroom/reviews/${id}/revisions/${older?.id}/restore`)
      .set('Authorization', `Bearer ${editor}`)
      .expect(200);
    const draft = await reviews().findOne({ documentId: id, status: 'draft', populate: ['sections'] });
    expect(JSON.stringify(draft?.sections)).toContain('A poor family moves into a rich house.');
    const published = await reviews().findOne({ documentId: id, status: 'published', populate: ['sections'] });
    expect(published?.sections).toHaveLength(3);
    expect(JSON.stringify(published?.sections)).toContain('Plot summary in a few words.');

    const after = await app
      .api()
      .get(`/newsroom/reviews/${id}/revisions`)
      .set('Authorization', `Bearer ${editor}`)
      .expect(200);
    expect(after.body.revisions[0].action).toBe('restore');
    expect(after.body.revisions[0].actor).toBe('Eddie Tor');
    expect(after.body.revisions).toHaveLength(5);

    await app.api().get('/api/revisions').expect(404);
    await app.api().get(`/newsroom/reviews/${id}/revisions`).expect(401);
    const review2 = await app
      .api()
      .get('/api/reviews')
      .query({ 'filters[documentId][$eq]': id, populate: '*' })
      .expect(200);
    expect(JSON.stringify(review2.body)).not.toContain('snapshot');
  });

  it('keeps none when REVISIONS_KEPT is 0 (history off); the activity log still records', async () => {
    const kept = app.strapi.config.get<number>('marquee.newsroom.revisionsKept');
    app.strapi.config.set('marquee.newsroom.revisionsKept', 0);
    try {
      const review = await goodDraft({ title: 'A review saved with history off' });
      await reviews().update({
        documentId: review.documentId,
        data: { excerpt: 'An excerpt saved with the revision history turned off, long enough.' } as never,
      });
      const list = await app
        .api()
        .get(`/newsroom/reviews/${review.documentId}/revisions`)
        .set('Authorization', `Bearer ${editor}`)
        .expect(200);
      expect(list.body.revisions).toEqual([]);
      const logged = await app.strapi.db
        .query('api::newsroom.activity')
        .findMany({ where: { reviewDocumentId: review.documentId } });
      expect(logged.map((entry: { action: string }) => entry.action)).toEqual(['create']);
    } finally {
      app.strapi.config.set('marquee.newsroom.revisionsKept', kept);
    }
  });
});

describe('redirects', () => {
  const rename = async (documentId: string, slug: string) => {
    await reviews().update({ documentId, data: { slug } as never });
    await reviews().publish({ documentId });
  };

  it('follows a renamed review in one hop, with its comment pages, and never loops when it is renamed back', async () => {
    const [a, b, c] = [unique('old'), unique('newer'), unique('newest')];
    const review = await goodDraft({ slug: a });
    await reviews().publish({ documentId: review.documentId });
    await rename(review.documentId, b);
    expect((await resolve(`/reviews/${a}`).expect(200)).body.data).toEqual({ status: 301, location: `/reviews/${b}` });
    await rename(review.documentId, c);
    expect((await resolve(`/reviews/${a}`).expect(200)).body.data).toEqual({ status: 301, location: `/reviews/${c}` });
    expect((await resolve(`/reviews/${b}/comments/2`).expect(200)).body.data).toEqual({
      status: 301,
      location: `/reviews/${c}/comments/2`,
    });
    await resolve(`/reviews/${c}`).expect(404);

    await rename(review.documentId, a);
    await resolve(`/reviews/${a}`).expect(404);
    expect((await resolve(`/reviews/${c}`).expect(200)).body.data).toEqual({ status: 301, location: `/reviews/${a}` });
  });

  it("answers nothing for an unpublished review's old URL and 410 once the review is deleted", async () => {
    const [a, b] = [unique('gone'), unique('going')];
    const review = await goodDraft({ slug: a });
    await reviews().publish({ documentId: review.documentId });
    await rename(review.documentId, b);
    await reviews().unpublish({ documentId: review.documentId });
    await resolve(`/reviews/${a}`).expect(404);
    await reviews().delete({ documentId: review.documentId });
    expect((await resolve(`/reviews/${a}`).expect(200)).body.data).toEqual({ status: 410 });
  });

  it('tells the edit view where a review is live, so a changed slug can be warned about, and nothing for a draft', async () => {
    const slug = unique('lives-here')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    const review = await goodDraft({ title: 'The Handmaiden', slug });
    const address = (documentId: string) =>
      app.api().get(`/newsroom/reviews/${documentId}/live`).set('Authorization', `Bearer ${editor}`).expect(200);
    expect((await address(review.documentId)).body).toEqual({ live: null });
    await reviews().publish({ documentId: review.documentId });
    await reviews().update({ documentId: review.documentId, data: { slug: `${slug}-renamed` } as never });
    expect((await address(review.documentId)).body).toEqual({
      live: { slug, url: `http://localhost:3000/reviews/${slug}` },
    });
    await app.api().get(`/newsroom/reviews/${review.documentId}/live`).expect(401);
  });

  it('keeps hand-made redirects to the site or an allowed host, and refuses any other host', async () => {
    const redirects = app.strapi.documents('api::redirect.redirect');
    await redirects.create({
      data: { fromPath: '/2019/05/old-post/', toPath: '/reviews/somewhere', permanent: false } as never,
    });
    expect((await resolve('/2019/05/old-post').expect(200)).body.data).toEqual({
      status: 302,
      location: '/reviews/somewhere',
    });
    await redirects.create({
      data: { fromPath: '/lists/best', toPath: 'https://letterboxd.com/marquee/list/best/' } as never,
    });
    expect((await resolve('/lists/best/').expect(200)).body.data).toEqual({
      status: 301,
      location: 'https://letterboxd.com/marquee/list/best/',
    });
    await expect(
      redirects.create({ data: { fromPath: '/phish', toPath: 'https://evil.example/' } as never }),
    ).rejects.toThrow(/evil\.example are refused/);
    await expect(
      redirects.create({ data: { fromPath: '/loop', toPath: '//evil.example/x' } as never }),
    ).rejects.toThrow(/must be a path of the site/);
    await resolve('/phish').expect(404);
  });
});

describe("the admin's forms", () => {
  const metadata = async (uid: string) => {
    const response = await app
      .api()
      .get(`/content-manager/content-types/${uid}/configuration`)
      .set('Authorization', `Bearer ${editor}`)
      .expect(200);
    return response.body.data.contentType.metadatas as Record<
      string,
      { edit: { label: string; editable?: boolean; description?: string } }
    >;
  };

  it('label the schedule, the Film and the Redirect in plain words, with the server-set fields read-only', async () => {
    const review = await metadata(REVIEW);
    expect(review.publishAt?.edit.label).toBe('Publish at');
    expect(review.publishAt?.edit.description).toBe(
      'In your time zone. The review goes out within seconds of this time; clear it to cancel. The checklist must pass.',
    );
    expect(review.unpublishAt?.edit.label).toBe('Unpublish at');
    expect(review.firstPublishedAt?.edit).toMatchObject({ label: 'First published', editable: false });
    const film = await metadata('api::film.film');
    expect(film.originalTitle?.edit.label).toBe('Original title');
    expect(film.runtime?.edit.label).toBe('Runtime (minutes)');
    const redirect = await metadata('api::redirect.redirect');
    expect(redirect.fromPath?.edit.label).toBe('Old path');
    expect(redirect.toPath?.edit.label).toBe('Redirect to');
    expect(redirect.reviewDocumentId?.edit).toMatchObject({ label: 'Review (kept by renames)', editable: false });
  });

  it("keep the Film's year an integer in the database and the API, entered through the year field", async () => {
    const year = app.strapi.contentType('api::film.film').attributes.year as {
      type: string;
      customField?: string;
      min?: number;
      max?: number;
    };
    expect(year).toMatchObject({ type: 'integer', customField: 'global::year', min: 1878, max: 2100 });
    const film = await app.strapi
      .documents('api::film.film')
      .create({ data: { title: 'Year film', slug: unique('year-film').replace(/\W+/g, '-'), year: 2016 } as never });
    const stored = await app.strapi.db
      .query('api::film.film')
      .findOne({ where: { documentId: film.documentId }, select: ['year'] });
    expect(stored.year).toBe(2016);
    await expect(
      app.strapi
        .documents('api::film.film')
        .create({ data: { title: 'Too early', slug: unique('too-early').replace(/\W+/g, '-'), year: 1800 } as never }),
    ).rejects.toThrow(/1878/);
  });
});

describe('the demo content', () => {
  it('passes the pre-publish checklist, review by review', async () => {
    // One Strapi at a time in a process: the app of the tests above makes way for a seeded one (afterAll stops it).
    await app.stop();
    const seeded = await bootStrapi({ ...ENV, SEED_DEMO_CONTENT: 'true' });
    app = seeded;
    {
      const drafts: { documentId: string; title: string }[] = await seeded.strapi.db
        .query(REVIEW)
        .findMany({ where: { publishedAt: null }, select: ['documentId', 'title'] });
      expect(drafts.length).toBeGreaterThanOrEqual(6);
      const errors: Record<string, string[]> = {};
      for (const draft of drafts) {
        const list = await seeded
          .api()
          .get(`/newsroom/reviews/${draft.documentId}/checklist`)
          .set('Authorization', `Bearer ${await seededEditor(seeded)}`)
          .expect(200);
        if (list.body.errors.length > 0)
          errors[draft.title] = list.body.errors.map((item: { message: string }) => item.message);
        expect(list.body.words).toBeGreaterThan(100);
      }
      expect(errors).toEqual({});
    }
  });
});
