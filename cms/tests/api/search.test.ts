import path from 'node:path';
import { bootStrapi, ON_POSTGRES, type TestApp } from '../helpers/strapi';
import { createReview, paragraph, unique } from '../helpers/fixtures';
import { ensureSearchSchema } from '../../src/api/search/services/schema';

let app: TestApp;

const REVIEW = 'api::review.review';
const search = (query: Record<string, string>) => app.api().get('/api/search').query(query);

interface Hit {
  documentId: string;
  slug: string;
  title: string;
  snippet: { text: string; highlight: boolean }[];
}
const hitsOf = (body: { data: Hit[] }) => body.data;

beforeAll(async () => {
  app = await bootStrapi();
});

afterAll(() => app.stop());

describe('GET /api/search', () => {
  it('ranks a title match above a body match', async () => {
    const word = 'zephyrquill';
    const inBody = await createReview(app.strapi, {
      title: 'A review about something else',
      sections: [{ heading: 'Plot', body: paragraph(`The ${word} appears once in the body.`), spoiler: false }],
    });
    const inTitle = await createReview(app.strapi, { title: `The ${word} review` });

    const response = await search({ q: word }).expect(200);
    expect(hitsOf(response.body).map((hit) => hit.documentId)).toEqual([inTitle.documentId, inBody.documentId]);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 2 });
  });

  it('answers only what a result line shows: no private or editorial fields', async () => {
    const film = await app.strapi
      .documents('api::film.film')
      .create({ data: { title: 'Quorvaline', slug: unique('film'), year: 1999 } as never });
    const review = await createReview(app.strapi, { title: 'Quorvaline review', film: film.documentId });
    const [hit] = hitsOf((await search({ q: 'quorvaline' }).expect(200)).body);
    expect(Object.keys(hit ?? {}).sort()).toEqual([
      'cover',
      'documentId',
      'excerpt',
      'film',
      'slug',
      'snippet',
      'title',
    ]);
    expect(hit).toMatchObject({
      documentId: review.documentId,
      film: { title: 'Quorvaline', year: 1999 },
      cover: null,
    });
  });

  it('cuts snippets into text segments: markup and marker-looking text in the data stay text', async () => {
    const marker = 'mqs0123456789abcdef01234567s';
    const review = await createReview(app.strapi, {
      title: '<b>Bold</b> <script>alert(1)</script> title',
      excerpt: 'An excerpt.',
      sections: [
        {
          heading: 'Craft',
          body: paragraph(`Before <b>tags</b> and <script>alert(2)</script> the word glimmerwick ${marker} after.`),
          spoiler: false,
        },
      ],
    });
    const [hit] = hitsOf((await search({ q: 'glimmerwick' }).expect(200)).body);
    expect(hit?.documentId).toBe(review.documentId);
    expect(hit?.title).toBe('<b>Bold</b> <script>alert(1)</script> title');
    const segments = hit?.snippet ?? [];
    expect(segments.every((segment) => Object.keys(segment).sort().join() === 'highlight,text')).toBe(true);
    expect(segments.filter((segment) => segment.highlight).map((segment) => segment.text.toLowerCase())).toEqual([
      'glimmerwick',
    ]);
    const text = segments.map((segment) => segment.text).join('');
    expect(text).toContain(marker);
    expect(text).toContain('glimmerwick');
    // Whatever the database's parser makes of the tags, they come back as characters of the text, never as marks.
    expect(
      segments
        .filter((segment) => !segment.highlight)
        .map((segment) => segment.text)
        .join(''),
    ).toMatch(/after/);
  });

  it("finds words that are only in a review's verdict", async () => {
    const word = 'quillothrax';
    const review = await createReview(app.strapi, {
      title: 'A review with a telling verdict',
      verdict: `A ${word} of a film: see it twice.`,
    });
    const [hit] = hitsOf((await search({ q: word }).expect(200)).body);
    expect(hit?.documentId).toBe(review.documentId);
    expect(hit?.snippet.filter((segment) => segment.highlight).map((segment) => segment.text.toLowerCase())).toEqual([
      word,
    ]);
  });

  it('finds only published reviews, and follows publish, unpublish and delete', async () => {
    const word = 'brindlewhorl';
    const draft = await createReview(app.strapi, { title: `${word} draft` }, 'draft');
    expect(hitsOf((await search({ q: word }).expect(200)).body)).toEqual([]);

    await app.strapi.documents(REVIEW).publish({ documentId: draft.documentId });
    expect(hitsOf((await search({ q: word }).expect(200)).body).map((hit) => hit.documentId)).toEqual([
      draft.documentId,
    ]);

    // An edit saved as a draft changes nothing until it is published.
    await app.strapi
      .documents(REVIEW)
      .update({ documentId: draft.documentId, data: { title: 'Renamed in draft' } as never });
    expect(hitsOf((await search({ q: word }).expect(200)).body).map((hit) => hit.title)).toEqual([`${word} draft`]);

    await app.strapi.documents(REVIEW).unpublish({ documentId: draft.documentId });
    expect(hitsOf((await search({ q: word }).expect(200)).body)).toEqual([]);

    const other = await createReview(app.strapi, { title: `${word} to delete` });
    expect(hitsOf((await search({ q: word }).expect(200)).body)).toHaveLength(1);
    await app.strapi.documents(REVIEW).delete({ documentId: other.documentId });
    expect(hitsOf((await search({ q: word }).expect(200)).body)).toEqual([]);
  });

  it('keeps spoiler sections out of what search reads', async () => {
    await createReview(app.strapi, {
      title: 'A review with a secret',
      sections: [{ heading: 'Ending', body: paragraph('The butler is a vorpaline automaton.'), spoiler: true }],
    });
    expect(hitsOf((await search({ q: 'vorpaline' }).expect(200)).body)).toEqual([]);
  });

  it(
    ON_POSTGRES
      ? 'finds a title through a misspelling'
      : 'finds a title through a fragment of a word (the LIKE fallback on SQLite)',
    async () => {
      const review = await createReview(app.strapi, { title: 'Marzipanella review: sweet and strange' });
      const query = ON_POSTGRES ? 'marzipanela' : 'zipanel';
      const hits = hitsOf((await search({ q: query }).expect(200)).body);
      expect(hits.map((hit) => hit.documentId)).toContain(review.documentId);
    },
  );

  it('pages through results', async () => {
    const word = 'quillfeather';
    for (let i = 0; i < 3; i += 1) await createReview(app.strapi, { title: `${word} ${i}` });
    const first = await search({ q: word, pageSize: '2' }).expect(200);
    const second = await search({ q: word, pageSize: '2', page: '2' }).expect(200);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(hitsOf(first.body)).toHaveLength(2);
    expect(hitsOf(second.body)).toHaveLength(1);
    const ids = [...hitsOf(first.body), ...hitsOf(second.body)].map((hit) => hit.documentId);
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses a missing query, bad pages and unknown parameters with 400', async () => {
    await search({}).expect(400);
    await search({ q: '   ' }).expect(400);
    await search({ q: 'x'.repeat(201) }).expect(400);
    await search({ q: 'film', page: '0' }).expect(400);
    await search({ q: 'film', page: '10001' }).expect(400);
    await search({ q: 'film', pageSize: 'abc' }).expect(400);
    await search({ q: 'film', filters: 'x' }).expect(400);
    const capped = await search({ q: 'film', pageSize: '500' }).expect(200);
    expect(capped.body.meta.pagination.pageSize).toBe(50);
  });

  it("forgives one typo in a word of 5 to 8 letters and two from 9, none under 5 (Meilisearch's rule)", async () => {
    const review = await createReview(app.strapi, {
      title: 'An ordinary title',
      excerpt: 'A plinkett and the zubo.',
      sections: [{ heading: 'Notes', body: paragraph('The quaxtonberry of the garden.'), spoiler: false }],
    });
    const found = async (q: string) => hitsOf((await search({ q }).expect(200)).body).map((hit) => hit.documentId);
    // 8 letters: one substitution, one deletion, one insertion are forgiven; two are not.
    expect(await found('plinkeft')).toContain(review.documentId);
    expect(await found('plinket')).toContain(review.documentId);
    expect(await found('plinkettt')).toContain(review.documentId);
    expect(await found('plinkefz')).not.toContain(review.documentId);
    // 12 letters: two typos are forgiven, three are not.
    expect(await found('quaxtonbery')).toContain(review.documentId);
    expect(await found('qaxtonbery')).toContain(review.documentId);
    expect(await found('qaxtnbery')).not.toContain(review.documentId);
    // 4 letters: as written only.
    expect(await found('zubo')).toContain(review.documentId);
    expect(await found('zuba')).not.toContain(review.documentId);
    // Every word must still match, as written or through its typo.
    expect(await found('plinkeft quaxtonbery')).toContain(review.documentId);
    expect(await found('plinkeft nonexistentword')).not.toContain(review.documentId);
  });

  it('ranks matches as written above matches through a typo, even a title match', async () => {
    const exact = await createReview(app.strapi, {
      title: 'A quiet story',
      excerpt: 'Of a brandlewick and its keeper.',
    });
    const typo = await createReview(app.strapi, {
      title: 'Brandlewock review: loud and newer',
      excerpt: 'Nothing else.',
    });
    const hits = hitsOf((await search({ q: 'brandlewick' }).expect(200)).body).map((hit) => hit.documentId);
    expect(hits).toEqual([exact.documentId, typo.documentId]);
  });

  it('finds real titles with a slash, and answers every odd query a reader can type with 200', async () => {
    const faceOff = await createReview(app.strapi, { title: 'Face/Off review: two faces, one film' });
    expect(hitsOf((await search({ q: 'Face/Off' }).expect(200)).body).map((hit) => hit.documentId)).toContain(
      faceOff.documentId,
    );
    for (const q of [
      'Face/Off',
      'AC/DC',
      '100%',
      '%',
      '%%',
      '.',
      '..',
      '../..',
      '#x',
      '#',
      '"',
      "'",
      '`',
      '\\',
      '?',
      '&',
      '😀',
      '🎬 film',
      'café',
      '<b>',
      'a/b/c/',
    ]) {
      const response = await search({ q });
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
      expect(Array.isArray(response.body.data)).toBe(true);
    }
  });

  it('answers a query of operators and punctuation without an error', async () => {
    for (const q of ['"', '!!', 'a & | b', "o'neil", ')(', '-', 'the']) {
      const response = await search({ q });
      expect(response.status).toBe(200);
    }
  });
});

describe('the search and index migration', () => {
  it('created the search index on a fresh database, and runs again without error (idempotent)', async () => {
    const knex = app.strapi.db.connection;
    const migration = (await import(
      path.join(__dirname, '..', '..', 'database', 'migrations', '2026.11.25T00.00.00.scale-search-and-indexes.js')
    )) as { up: (k: typeof knex) => Promise<void>; INDEXES: [string, string, string[]][] };
    await migration.up(knex);
    await migration.up(knex);
    const names = ON_POSTGRES
      ? (await knex.raw(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`)).rows
      : await knex.raw(`SELECT name FROM sqlite_master WHERE type IN ('index', 'table')`);
    const present = new Set((names as { name: string }[]).map(({ name }) => name));
    for (const [, index] of migration.INDEXES) expect(present).toContain(index);
    expect(present).toContain(ON_POSTGRES ? 'review_search_document_gin' : 'review_search');
    expect(present).toContain(ON_POSTGRES ? 'review_search_words_trgm' : 'review_search_words');
    const ran = await knex('strapi_migrations').select('name');
    expect(ran.map(({ name }: { name: string }) => name)).toContain('2026.11.25T00.00.00.scale-search-and-indexes.js');
  });

  it("indexes the verdicts of a database made before they were searched, once, then bootstrap's refill", async () => {
    const word = 'vermiculant';
    const review = await createReview(app.strapi, {
      title: 'A review indexed before verdicts were',
      verdict: `The ${word} verdict.`,
    });
    const knex = app.strapi.db.connection;
    // The row as the index held it before: no verdict.
    await knex('review_search')
      .where({ document_id: review.documentId })
      .update(
        ON_POSTGRES ? { content: 'none', document: knex.raw("to_tsvector('english', 'none')") } : { body: 'none' },
      );
    expect(hitsOf((await search({ q: word }).expect(200)).body)).toEqual([]);

    const migration = (await import(
      path.join(__dirname, '..', '..', 'database', 'migrations', '2026.12.07T00.00.00.search-verdict.js')
    )) as {
      up: (k: typeof knex) => Promise<void>;
    };
    await migration.up(knex);
    await ensureSearchSchema(app.strapi);
    expect(hitsOf((await search({ q: word }).expect(200)).body).map((hit) => hit.documentId)).toEqual([
      review.documentId,
    ]);
    const ran = await knex('strapi_migrations').select('name');
    expect(ran.map(({ name }: { name: string }) => name)).toContain('2026.12.07T00.00.00.search-verdict.js');
  });
});
