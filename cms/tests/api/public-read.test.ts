import { bootStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { createReview, paragraph, unique } from '../helpers/fixtures';

let app: TestApp;
let published: { documentId: string; slug: string };
let draft: { documentId: string; slug: string };
let modifiedSlug: string;

beforeAll(async () => {
  app = await bootStrapi();
  const { strapi } = app;
  const genre = await strapi.documents('api::genre.genre').create({ data: { name: 'Drama', slug: 'drama' } });
  const author = await strapi
    .documents('api::author.author')
    .create({ data: { name: 'Mara Ellison', slug: 'mara-ellison', bio: 'Critic.' } });
  const film = await strapi.documents('api::film.film').create({
    data: {
      title: 'Test Film',
      slug: 'test-film',
      year: 2013,
      directors: [{ name: 'A Director' }],
      cast: [{ name: 'An Actor', character: 'Hero' }],
      genres: [genre.documentId],
    } as never,
  });
  const review = await createReview(strapi, {
    slug: 'published-review',
    film: film.documentId,
    author: author.documentId,
    genres: [genre.documentId],
    seo: { metaTitle: 'Meta title', metaDescription: 'Meta description' },
  });
  published = { documentId: review.documentId, slug: 'published-review' };
  await strapi.documents('api::faq.faq').create({
    data: { question: 'Second?', answer: paragraph('B'), order: 2, review: review.documentId } as never,
    status: 'published',
  });
  await strapi.documents('api::faq.faq').create({
    data: { question: 'First?', answer: paragraph('A'), order: 1, review: review.documentId } as never,
    status: 'published',
  });
  await strapi.documents('api::faq.faq').create({
    data: { question: 'Unpublished FAQ?', answer: paragraph('C'), order: 0, review: review.documentId } as never,
    status: 'draft',
  });
  await strapi.documents('api::faq.faq').create({
    data: { question: 'Site-wide?', answer: paragraph('D'), order: 0 } as never,
    status: 'published',
  });
  const unpublished = await createReview(strapi, { slug: 'draft-review', title: 'Secret draft' }, 'draft');
  draft = { documentId: unpublished.documentId, slug: 'draft-review' };

  // A published review whose draft has unpublished edits: the public must keep seeing the published title.
  modifiedSlug = unique('modified');
  const modified = await createReview(strapi, { slug: modifiedSlug, title: 'Published title' });
  await strapi
    .documents('api::review.review')
    .update({ documentId: modified.documentId, data: { title: 'Unpublished edit' } as never });
});

afterAll(() => app.stop());

const slugs = (body: { data: { slug: string }[] }) => body.data.map((review) => review.slug);

describe('public reads', () => {
  it('lists published reviews with the default populate set, newest first', async () => {
    const response = await app.api().get('/api/reviews').expect(200);
    expect(slugs(response.body)).toEqual(expect.arrayContaining(['published-review', modifiedSlug]));
    const review = response.body.data.find((item: { slug: string }) => item.slug === 'published-review');
    expect(review).toMatchObject({
      documentId: published.documentId,
      rating: 4,
      bestRating: 5,
      worstRating: 1,
      film: {
        title: 'Test Film',
        year: 2013,
        directors: [{ name: 'A Director' }],
        cast: [{ name: 'An Actor', character: 'Hero' }],
        genres: [{ slug: 'drama' }],
      },
      author: { name: 'Mara Ellison', slug: 'mara-ellison' },
      genres: [{ name: 'Drama', slug: 'drama' }],
      sections: [{ heading: 'Plot summary', spoiler: false, body: paragraph('What happens.') }],
      seo: { metaTitle: 'Meta title', metaDescription: 'Meta description' },
    });
    expect(response.body.meta.pagination).toMatchObject({ page: 1, total: expect.any(Number) });
  });

  it('finds one review by slug with its published FAQs in order', async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .query({ 'filters[slug][$eq]': 'published-review' })
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].faqs.map((faq: { question: string }) => faq.question)).toEqual(['First?', 'Second?']);
  });

  it('returns 404 for a draft review fetched by documentId', async () => {
    await app.api().get(`/api/reviews/${draft.documentId}`).expect(404);
    await app.api().get(`/api/reviews/${published.documentId}`).expect(200);
  });

  it('never lists drafts, even when asked for ?status=draft', async () => {
    for (const query of [{}, { status: 'draft' }, { status: 'draft', 'filters[slug][$eq]': 'draft-review' }]) {
      const response = await app.api().get('/api/reviews').query(query).expect(200);
      expect(slugs(response.body)).not.toContain('draft-review');
      expect(JSON.stringify(response.body)).not.toContain('Secret draft');
    }
    const one = await app.api().get(`/api/reviews/${draft.documentId}`).query({ status: 'draft' });
    expect(one.status).toBe(404);
  });

  it('shows the published version of a review that has unpublished edits', async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .query({ status: 'draft', 'filters[slug][$eq]': modifiedSlug })
      .expect(200);
    expect(response.body.data[0].title).toBe('Published title');
  });

  it("lets the web token read drafts for the editors' preview", async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .set('Authorization', `Bearer ${TEST_SECRETS.WEB_API_TOKEN}`)
      .query({ status: 'draft', 'filters[slug][$eq]': 'draft-review' })
      .expect(200);
    expect(response.body.data[0]).toMatchObject({ title: 'Secret draft', publishedAt: null });
  });

  it('lists site-wide FAQs without drafts', async () => {
    const response = await app
      .api()
      .get('/api/faqs')
      .query({ 'filters[review][$null]': true, status: 'draft' })
      .expect(200);
    expect(response.body.data.map((faq: { question: string }) => faq.question)).toEqual(['Site-wide?']);
  });

  it('reads films, authors and genres', async () => {
    expect((await app.api().get('/api/films').expect(200)).body.data[0]).toMatchObject({
      title: 'Test Film',
      directors: [{ name: 'A Director' }],
    });
    expect((await app.api().get('/api/authors').expect(200)).body.data[0]).toMatchObject({ name: 'Mara Ellison' });
    expect((await app.api().get('/api/genres').expect(200)).body.data[0]).toMatchObject({ name: 'Drama' });
  });

  it('answers search by title from the CMS', async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .query({ 'filters[$or][0][title][$containsi]': 'PUBLISHED title' })
      .expect(200);
    expect(slugs(response.body)).toEqual([modifiedSlug]);
  });
});

describe('review rules', () => {
  it("refuses to save a rating outside the review's own scale", async () => {
    await expect(createReview(app.strapi, { rating: 7, bestRating: 5, worstRating: 1 })).rejects.toThrow(
      'The rating must be between 1 and 5.',
    );
    const ok = await createReview(app.strapi, { rating: 7, bestRating: 10, worstRating: 1 });
    await expect(
      app.strapi
        .documents('api::review.review')
        .update({ documentId: ok.documentId, data: { bestRating: 5 } as never }),
    ).rejects.toThrow('The rating must be between 1 and 5.');
  });
});
