import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { commentInput, createReview, postComment, unique } from '../helpers/fixtures';

/**
 * The web's unit tests parse answers the CMS cannot give anonymously (a comment POST's 201 and 400) from fixtures
 * under web/test/fixtures/contract/. This suite writes them from the real CMS, so they cannot drift: an answer that
 * differs from the committed fixture fails here; outside CI the fixture is rewritten at the same time, so the diff
 * shows what changed and the web's tests then run against the new shape.
 */
const contractDir = path.resolve(__dirname, '..', '..', '..', 'web', 'test', 'fixtures', 'contract');
const NOTE =
  'Written by cms/tests/api/contract-fixtures.test.ts from the real CMS (ids and dates replaced by fixed values). Do not edit by hand.';

/** Ids and dates change on every run; everything else is the contract. */
const stable = (value: unknown, replacements: Map<string, string>): unknown => {
  if (typeof value === 'string') return replacements.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => stable(item, replacements));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stable(item, replacements)]));
  return value;
};

const checkFixture = (name: string, body: unknown) => {
  const file = path.join(contractDir, `${name}.json`);
  const wanted = `${JSON.stringify({ '//': NOTE, ...(body as object) }, null, 2)}\n`;
  const committed = readFileSync(file, 'utf8');
  if (committed !== wanted && process.env.CI !== 'true') writeFileSync(file, wanted);
  expect(committed).toBe(wanted);
};

let app: TestApp;
let review: string;

beforeAll(async () => {
  app = await bootStrapi();
  review = (await createReview(app.strapi, { slug: unique('contract') })).documentId;
});

afterAll(() => app.stop());

describe('the contract fixtures the web tests read', () => {
  it('comment-created.json is what the CMS answers to a first-time commenter (201, held)', async () => {
    const response = await postComment(
      app,
      commentInput(review, {
        authorName: 'Ada Reader',
        authorWebsite: 'https://ada.example.org',
        body: 'Loved the bit about the projection booth.\n\nSecond paragraph.',
      }),
    ).expect(201);
    const { documentId, createdAt } = response.body.data as { documentId: string; createdAt: string };
    const replacements = new Map([
      [documentId, 'k2c8pending0000000000001'],
      [createdAt, '2026-11-24T21:00:00.000Z'],
    ]);
    checkFixture('comment-created', stable(response.body, replacements));
  });

  it('comment-validation-error.json is what the CMS answers to a comment with a bad email and an empty body (400)', async () => {
    const response = await postComment(app, commentInput(review, { authorEmail: 'nope', body: '   ' })).expect(400);
    checkFixture('comment-validation-error', response.body);
  });
});
