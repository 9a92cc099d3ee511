import { bootStrapi, type TestApp } from '../helpers/strapi';
import {
  commentInput,
  createComment,
  createReview,
  postComment,
  setModeration,
  storedComment,
  unique,
} from '../helpers/fixtures';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi();
  await setModeration(app.strapi, { floodIntervalSeconds: 0, readerRatingMinimum: 3 });
});

afterAll(() => app.stop());

const newReview = async () => {
  const slug = unique('rated');
  const { documentId } = await createReview(app.strapi, { slug });
  return { slug, documentId };
};

let addresses = 0;
/** A comment from its own reader: its own email (the fixture's default) and its own address. */
const rated = (review: string, data: Record<string, unknown>) =>
  createComment(app.strapi, review, { ipHash: (addresses += 1).toString(16).padStart(64, 'a'), ...data });

const thread = async (slug: string) => (await app.api().get(`/api/comments/review/${slug}`).expect(200)).body;

const approve = (documentId: string) =>
  app.strapi.documents('api::comment.comment').update({ documentId, data: { moderationStatus: 'approved' } as never });

describe('posting a rating with a comment', () => {
  it('stores the stars given with a comment and answers them back', async () => {
    const { documentId } = await newReview();
    const response = await postComment(app, commentInput(documentId, { rating: 4 })).expect(201);
    expect(response.body.data.rating).toBe(4);
    expect(await storedComment(app.strapi, response.body.data.documentId)).toMatchObject({ rating: 4 });
  });

  it('takes a comment with no rating, as null or left out', async () => {
    const { documentId } = await newReview();
    const left = await postComment(app, commentInput(documentId)).expect(201);
    const none = await postComment(app, commentInput(documentId, { rating: null })).expect(201);
    expect(left.body.data.rating).toBeNull();
    expect(none.body.data.rating).toBeNull();
  });

  it.each([[0], [6], [3.5], ['4'], ['five']])(
    'refuses a rating of %p with a field error on rating, and stores nothing',
    async (rating) => {
      const { documentId } = await newReview();
      const before = await app.strapi.db.query('api::comment.comment').count();
      const response = await postComment(app, commentInput(documentId, { rating })).expect(400);
      expect(response.body.error.details.errors).toEqual([
        { path: ['rating'], message: 'A rating must be a whole number of stars from 1 to 5, or no rating.' },
      ]);
      expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before);
    },
  );
});

describe("the readers' rating of a review", () => {
  it('counts only approved ratings, and shows nothing below the minimum count', async () => {
    const { slug, documentId } = await newReview();
    await rated(documentId, { rating: 5 });
    await rated(documentId, { rating: 4 });
    await rated(documentId, { rating: 1, moderationStatus: 'pending' });
    await rated(documentId, { rating: 1, moderationStatus: 'spam' });
    await rated(documentId, { rating: 1, moderationStatus: 'rejected' });
    expect((await thread(slug)).meta.readerRating).toBeNull();

    const third = await rated(documentId, { rating: 2, moderationStatus: 'pending' });
    expect((await thread(slug)).meta.readerRating).toBeNull();
    await approve(third.documentId);
    expect((await thread(slug)).meta.readerRating).toEqual({ average: 3.7, count: 3 });
  });

  it('counts one rating per email per review: a later approved rating replaces the earlier one', async () => {
    const { slug, documentId } = await newReview();
    await setModeration(app.strapi, { readerRatingMinimum: 1 });
    try {
      const email = `${unique('fan')}@example.com`;
      await rated(documentId, { authorEmail: email, rating: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await rated(documentId, { authorEmail: email, rating: 5 });
      await rated(documentId, { authorEmail: email, body: unique('no stars this time') });
      await rated(documentId, { rating: 4 });
      expect((await thread(slug)).meta.readerRating).toEqual({ average: 4.5, count: 2 });

      // The same email on another review rates that film separately.
      const other = await newReview();
      await rated(other.documentId, { authorEmail: email, rating: 2 });
      expect((await thread(other.slug)).meta.readerRating).toEqual({ average: 2, count: 1 });
    } finally {
      await setModeration(app.strapi, { readerRatingMinimum: 3 });
    }
  });

  it('leaves out a later rating that is still pending: the approved one stands', async () => {
    const { slug, documentId } = await newReview();
    await setModeration(app.strapi, { readerRatingMinimum: 1 });
    try {
      const email = `${unique('fan')}@example.com`;
      await rated(documentId, { authorEmail: email, rating: 3 });
      await rated(documentId, { authorEmail: email, rating: 5, moderationStatus: 'pending' });
      expect((await thread(slug)).meta.readerRating).toEqual({ average: 3, count: 1 });
    } finally {
      await setModeration(app.strapi, { readerRatingMinimum: 3 });
    }
  });

  it('counts one rating per address: three emails from one IP hash make one rating, its latest', async () => {
    const { slug, documentId } = await newReview();
    await setModeration(app.strapi, { readerRatingMinimum: 1 });
    try {
      const address = 'b'.repeat(64);
      await rated(documentId, { ipHash: address, rating: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await rated(documentId, { ipHash: address, rating: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await rated(documentId, { ipHash: address, rating: 2 });
      await rated(documentId, { rating: 5 });
      expect((await thread(slug)).meta.readerRating).toEqual({ average: 3.5, count: 2 });
    } finally {
      await setModeration(app.strapi, { readerRatingMinimum: 3 });
    }
  });

  it('counts a reader once across emails and addresses, and each comment whose address was erased by its email', async () => {
    const { slug, documentId } = await newReview();
    await setModeration(app.strapi, { readerRatingMinimum: 1 });
    try {
      const email = `${unique('roamer')}@example.com`;
      // One email from two addresses, and a second email from the later of them: one reader as far as can be told.
      await rated(documentId, { authorEmail: email, ipHash: 'c'.repeat(64), rating: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await rated(documentId, { authorEmail: email, ipHash: 'd'.repeat(64), rating: 2 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await rated(documentId, { ipHash: 'd'.repeat(64), rating: 4 });
      // Two readers whose addresses the retention job already erased.
      await rated(documentId, { ipHash: null, rating: 5 });
      await rated(documentId, { ipHash: null, rating: 3 });
      expect((await thread(slug)).meta.readerRating).toEqual({ average: 4, count: 3 });
    } finally {
      await setModeration(app.strapi, { readerRatingMinimum: 3 });
    }
  });

  it("shows each approved comment's own stars and nothing private in the thread", async () => {
    const { slug, documentId } = await newReview();
    for (const rating of [5, 4, 4]) await rated(documentId, { rating });
    const body = await thread(slug);
    expect(body.meta.readerRating).toEqual({ average: 4.3, count: 3 });
    expect(body.data.map((comment: { rating: number }) => comment.rating)).toEqual([5, 4, 4]);
    for (const comment of body.data) {
      expect(Object.keys(comment).sort()).toEqual([
        'authorName',
        'authorWebsite',
        'body',
        'createdAt',
        'documentId',
        'faq',
        'isStaff',
        'rating',
        'replies',
      ]);
    }
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/@example\.com|ipHash|userAgent|StoredAgent|ffffffff|reportCount|hiddenByReports/);
  });
});
