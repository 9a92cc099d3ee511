import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createReview } from '../helpers/fixtures';

let app: TestApp;
const sitemap = (query: Record<string, string> = {}) => app.api().get('/api/sitemap/reviews').query(query);
const slugsOf = (body: { data: { slug: string }[] }) => body.data.map((entry) => entry.slug);

// Five published reviews, oldest first, and one draft; the database is this file's own.
const published: string[] = [];
let draft = '';

beforeAll(async () => {
  app = await bootStrapi();
  for (let i = 0; i < 5; i += 1) {
    published.push((await createReview(app.strapi, { slug: `sitemap-review-${i}` })).slug as string);
    // Distinct publish times, so "newest first" has one answer.
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  draft = (await createReview(app.strapi, { slug: 'sitemap-draft-only' }, 'draft')).slug as string;
});

afterAll(() => app.stop());

describe('GET /api/sitemap/reviews', () => {
  it('lists every published review, newest first, with only its slug and last change, anonymously', async () => {
    const response = await sitemap().expect(200);
    expect(slugsOf(response.body)).toEqual([...published].reverse());
    expect(response.body.data.every((entry: object) => Object.keys(entry).sort().join() === 'slug,updatedAt')).toBe(
      true,
    );
    expect(response.body.data[0].updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 5000, pageCount: 1, total: 5 });
    expect(slugsOf(response.body)).not.toContain(draft);
  });

  it('chunks by page and pageSize: the chunks add up to the whole list, without overlap', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map(async (page) => (await sitemap({ page: String(page), pageSize: '2' }).expect(200)).body),
    );
    expect(pages.map(slugsOf)).toEqual([[published[4], published[3]], [published[2], published[1]], [published[0]]]);
    expect(pages[2].meta.pagination).toEqual({ page: 3, pageSize: 2, pageCount: 3, total: 5 });
    expect(slugsOf((await sitemap({ page: '4', pageSize: '2' }).expect(200)).body)).toEqual([]);
  });

  it.each([
    [{ page: '0' }, /page must be/],
    [{ page: 'x' }, /page must be/],
    [{ page: '10001' }, /page must be/],
    [{ pageSize: '50001' }, /pageSize must be/],
    [{ pageSize: '-1' }, /pageSize must be/],
    [{ populate: '*' }, /Invalid query parameter: populate/],
    [{ 'filters[slug][$eq]': 'x' }, /Invalid query parameter/],
  ])('refuses %j with 400 and says why', async (query, message) => {
    const response = await sitemap(query as Record<string, string>).expect(400);
    expect(response.body.error.message).toMatch(message);
  });
});
