import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { hashIp } from '../../src/api/comment/domain/rules';
import { main } from '../../src/import/wordpress/cli';
import type * as Writer from '../../src/import/wordpress/writer';
import { bootStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'wxr', name);
const uploads = fixture('uploads');

// The compiled module Strapi itself runs, so that the import's quiet scopes (no mail, no notice per comment) are the
// ones the loaded middlewares read.
const loadWriter = (): typeof Writer =>
  createRequire(__filename)(path.join(appDir, 'dist', 'src', 'import', 'wordpress', 'writer.js'));
const { importWordpress } = loadWriter();

let app: TestApp;
let notifier: Server;
const notices: { model: string; event: string; slug: string | null }[] = [];

const run = (file: string, options: Partial<Writer.ImportOptions> = {}) =>
  importWordpress(app.strapi, { file: fixture(file), uploads, ratingMeta: 'rating', dryRun: false, ...options });

const REVIEW = 'api::review.review';
const COMMENT = 'api::comment.comment';

/** Rows per table: what "nothing was written" and "nothing changed" compare. */
const census = async () => {
  const count = (uid: string) => app.strapi.db.query(uid as 'api::review.review').count();
  return {
    reviews: await count(REVIEW),
    comments: await count(COMMENT),
    faqs: await count('api::faq.faq'),
    authors: await count('api::author.author'),
    genres: await count('api::genre.genre'),
    redirects: await count('api::redirect.redirect'),
    records: await count('api::import-record.import-record'),
    files: await count('plugin::upload.file'),
  };
};

const draftOf = (slug: string) =>
  app.strapi.db.query(REVIEW).findOne({
    where: { slug, publishedAt: null },
    populate: { sections: true, cover: true, genres: true, author: true },
  });
const publishedOf = (slug: string) =>
  app.strapi.db.query(REVIEW).findOne({ where: { slug, publishedAt: { $notNull: true } } });
const commentsOf = async (slug: string) => {
  const review = await draftOf(slug);
  return app.strapi.db.query(COMMENT).findMany({
    where: { review: { documentId: review.documentId } },
    populate: { parent: { select: ['documentId', 'body'] } },
    orderBy: { createdAt: 'asc' },
  });
};

let first: Writer.ImportReport;

beforeAll(async () => {
  notifier = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      notices.push(JSON.parse(body));
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => notifier.listen(0, '127.0.0.1', resolve));
  const { port } = notifier.address() as AddressInfo;
  app = await bootStrapi({ REVALIDATE_URL: `http://127.0.0.1:${port}/api/revalidate` });
  first = await run('film-reviews.xml');
}, 120_000);

afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => notifier.close(resolve));
});

describe('posts', () => {
  it('imports publish as published, future as a scheduled draft, and draft, pending, private and password-protected as drafts', async () => {
    expect(first.counts.reviews).toEqual({ imported: 7, updated: 0, skipped: 0, failed: 0 });
    expect(await publishedOf('arrival-review')).not.toBeNull();
    expect(await publishedOf('blade-runner-2049')).not.toBeNull();
    for (const slug of [
      'dune-part-three',
      'past-lives-a-first-look',
      'members-only-tar',
      'private-aftersun',
      'pending-oppenheimer',
    ]) {
      expect(await draftOf(slug)).not.toBeNull();
      expect(await publishedOf(slug)).toBeNull();
    }
    expect((await draftOf('dune-part-three')).publishAt).toEqual(expect.anything());
    expect(new Date((await draftOf('dune-part-three')).publishAt).toISOString()).toBe('2027-03-01T10:00:00.000Z');
    expect(new Date((await draftOf('arrival-review')).firstPublishedAt).toISOString()).toBe('2024-05-10T09:00:00.000Z');
    expect(first.notImported).toEqual({
      'pingbacks and trackbacks': 1,
      'trashed comments': 1,
      pages: 1,
      'menu items': 1,
      'trashed posts': 1,
      'attachments (used only as covers and body images)': 1,
    });
  });

  it('keeps the title, excerpt, author and categories as genres', async () => {
    const arrival = await draftOf('arrival-review');
    expect(arrival).toMatchObject({
      title: 'Arrival',
      excerpt: 'A film about language, grief and time.',
      author: { name: 'Ada Critic', slug: 'ada' },
    });
    expect(arrival.genres.map((genre: { name: string }) => genre.name).sort()).toEqual(['Drama', 'Science Fiction']);
    expect(first.counts.authors).toEqual({ imported: 2, updated: 0, skipped: 0, failed: 0 });
    expect(first.counts.genres).toEqual({ imported: 2, updated: 0, skipped: 0, failed: 0 });
  });

  it('splits the body into sections at its h2 headings, as blocks, with its image uploaded and placed', async () => {
    const arrival = await draftOf('arrival-review');
    expect(arrival.sections.map((section: { heading: string }) => section.heading)).toEqual([
      'Arrival',
      'The story',
      'The verdict',
    ]);
    const story = arrival.sections[1].body;
    expect(story[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Twelve shells land across the world. Louise Banks, a linguist, is asked to ' },
        {
          type: 'link',
          url: 'https://en.wikipedia.org/wiki/Arrival_(film)',
          children: [{ type: 'text', text: 'talk to them' }],
        },
        { type: 'text', text: '.' },
      ],
    });
    expect(story[1]).toMatchObject({
      type: 'image',
      image: {
        alternativeText: 'A shell over the valley',
        caption: 'The shell over Montana',
        url: expect.stringMatching(/^\/uploads\//),
      },
    });
    expect(story.map((block: { type: string }) => block.type)).toEqual(['paragraph', 'image', 'list']);
    expect(arrival.sections[2].body.map((block: { type: string }) => block.type)).toEqual([
      'quote',
      'heading',
      'paragraph',
    ]);
  });

  it('never keeps scripts, iframes, styles or unknown shortcodes, and counts them', async () => {
    const arrival = await draftOf('arrival-review');
    const stored = JSON.stringify(arrival.sections);
    for (const markup of ['<script', 'alert(', '<iframe', 'youtube', '<style', 'display: none', '[gallery'])
      expect(stored).not.toContain(markup);
    expect(first.removed).toEqual({ script: 1, iframe: 1, style: 1, shortcode: 1 });
    expect(first.warnings).toContainEqual({ title: 'Arrival', message: '1 script left out of the body' });
  });

  it('makes the FAQ section and Yoast FAQ blocks into FAQs of the review, published with it', async () => {
    const response = await app
      .api()
      .get('/api/faqs')
      .query({ 'filters[review][slug][$eq]': 'arrival-review', sort: 'order:asc' })
      .expect(200);
    expect(response.body.data.map((faq: { question: string }) => faq.question)).toEqual([
      'Is Arrival based on a book?',
      'How long is it?',
    ]);
    expect(response.body.data[1].answer).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '116 minutes.' }] },
    ]);
    const blade = await app
      .api()
      .get('/api/faqs')
      .query({ 'filters[review][slug][$eq]': 'blade-runner-2049', sort: 'order:asc' })
      .expect(200);
    expect(blade.body.data.map((faq: { question: string }) => faq.question)).toEqual([
      'Is K a replicant?',
      'Do I need to see the first film?',
    ]);
    expect(first.counts.faqs).toEqual({ imported: 4, updated: 0, skipped: 0, failed: 0 });
  });

  it('makes the featured image the cover, with its alt text', async () => {
    const arrival = await draftOf('arrival-review');
    expect(arrival.cover).toMatchObject({
      name: 'arrival-shell.png',
      alternativeText: 'A heptapod shell hanging over a green valley',
      mime: 'image/png',
      width: 48,
      height: 27,
    });
  });

  it('reads the rating from the meta key, and imports a post without one as it was, listed in the report', async () => {
    expect(Number((await draftOf('arrival-review')).rating)).toBe(4.5);
    expect((await draftOf('blade-runner-2049')).rating).toBeNull();
    expect(await publishedOf('blade-runner-2049')).not.toBeNull();
    expect(first.withoutRating).toEqual([
      'Blade Runner 2049: the long way round',
      'Past Lives – a first look',
      'Private notes on Aftersun',
      'Pending: Oppenheimer',
    ]);
    expect(first.warnings).toContainEqual({
      title: 'Pending: Oppenheimer',
      message: 'rating "7" is not on the 1-5 scale',
    });
  });

  it('shows a published review to readers with no stars in its data when it has no rating', async () => {
    const response = await app
      .api()
      .get('/api/reviews')
      .query({ 'filters[slug][$eq]': 'blade-runner-2049' })
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({
      title: 'Blade Runner 2049: the long way round',
      rating: null,
      commentsOpen: false,
    });
    const drafts = await app.api().get('/api/reviews').query({ 'filters[slug][$eq]': 'dune-part-three' }).expect(200);
    expect(drafts.body.data).toEqual([]);
  });

  it('writes a permanent redirect to the review for its old permalink and /?p=<id>', async () => {
    const redirects = await app.strapi.db.query('api::redirect.redirect').findMany({
      where: { fromPath: { $in: ['/2024/05/arrival-review', '/?p=101'] } },
      orderBy: { fromPath: 'asc' },
    });
    expect(
      redirects.map((r: { fromPath: string; permanent: boolean; origin: string }) => [
        r.fromPath,
        r.permanent,
        r.origin,
      ]),
    ).toEqual([
      ['/2024/05/arrival-review', true, 'import'],
      ['/?p=101', true, 'import'],
    ]);
    for (const path of ['/2024/05/arrival-review/', '/?p=101']) {
      const resolved = await app.api().get('/api/redirects/resolve').query({ path }).expect(200);
      expect(resolved.body.data).toEqual({ status: 301, location: '/reviews/arrival-review' });
    }
    // Seven posts, two paths each, but the draft without a slug has only /?p=104.
    expect(first.counts.redirects).toEqual({ imported: 13, updated: 0, skipped: 0, failed: 0 });
  });

  it('tells the web about each published review once its comments are in, and nothing per comment', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reviews = notices
      .filter((notice) => notice.model === 'review')
      .map((notice) => `${notice.event} ${notice.slug}`);
    expect(reviews.sort()).toEqual(['publish arrival-review', 'publish blade-runner-2049']);
    expect(notices.filter((notice) => notice.model === 'comment')).toEqual([]);
  });
});

describe('comments', () => {
  it('maps each state: approved, pending and spam kept, trash and pingbacks left out', async () => {
    const comments = await commentsOf('arrival-review');
    expect(
      comments.map((c: { authorName: string; moderationStatus: string }) => [c.authorName, c.moderationStatus]),
    ).toEqual([
      ['Maya Reader', 'approved'],
      ['Ada Critic', 'approved'],
      ['Tom Third', 'approved'],
      ['Ivy Fourth', 'approved'],
      ['Pat Pending', 'pending'],
      ['Cheap Pills', 'spam'],
      ['Lena Links', 'approved'],
    ]);
    expect(first.counts.comments).toEqual({ imported: 7, updated: 0, skipped: 0, failed: 0 });
  });

  it('keeps threads, attaching a reply deeper than three levels to the deepest allowed parent', async () => {
    const comments = await commentsOf('arrival-review');
    const parentOf = (name: string) =>
      comments.find((c: { authorName: string }) => c.authorName === name)?.parent?.body ?? null;
    expect(parentOf('Maya Reader')).toBeNull();
    expect(parentOf('Ada Critic')).toBe('The best film about language I know.');
    expect(parentOf('Tom Third')).toBe('Thank you, Maya. The novella is even stranger.');
    expect(parentOf('Ivy Fourth')).toBe('Thank you, Maya. The novella is even stranger.');
  });

  it("marks a WordPress user's comment as a staff reply, keeps dates and websites, hashes the IP and stores bodies as text", async () => {
    const comments = await commentsOf('arrival-review');
    const byName = (name: string) => comments.find((c: { authorName: string }) => c.authorName === name);
    expect(byName('Ada Critic').isStaff).toBe(true);
    expect(byName('Maya Reader')).toMatchObject({
      isStaff: false,
      authorEmail: 'maya@example.org',
      authorWebsite: 'https://maya.example.org/',
      ipHash: hashIp('203.0.113.7', TEST_SECRETS.COMMENT_IP_HASH_SECRET),
    });
    expect(new Date(byName('Maya Reader').createdAt).toISOString()).toBe('2024-05-11T10:00:00.000Z');
    expect(byName('Lena Links').body).toBe(
      'Loved it, see my notes (https://lena.example.org/arrival).\n\nSecond paragraph.',
    );
    expect(JSON.stringify(comments)).not.toContain('203.0.113.7');
  });

  it('shows readers the approved thread with its counts, and never an email or IP hash', async () => {
    const response = await app.api().get('/api/comments/review/arrival-review').expect(200);
    expect(response.body.meta.pagination.total).toBe(2);
    type Thread = { authorName: string; replies: Thread[] };
    const names = (threads: Thread[]): unknown[] =>
      threads.map((c) => (c.replies.length > 0 ? [c.authorName, names(c.replies)] : c.authorName));
    expect(names(response.body.data)).toEqual([
      ['Maya Reader', [['Ada Critic', ['Tom Third', 'Ivy Fourth']]]],
      'Lena Links',
    ]);
    const text = JSON.stringify(response.body);
    expect(text).toContain('The best film about language I know.');
    expect(text).not.toContain('Waiting for a moderator.');
    expect(text).not.toContain('Buy cheap pills');
    for (const secret of [
      'maya@example.org',
      'ada@reels.example.com',
      'authorEmail',
      'ipHash',
      hashIp('203.0.113.7', TEST_SECRETS.COMMENT_IP_HASH_SECRET),
    ]) {
      expect(text).not.toContain(secret);
    }
    const reviews = JSON.stringify((await app.api().get('/api/reviews').query({ populate: '*' }).expect(200)).body);
    for (const secret of ['reels.example.com', 'wordpress:', 'import-record']) expect(reviews).not.toContain(secret);
    await app.api().get('/api/import-records').expect(404);
  });
});

describe('running it again', () => {
  it('changes nothing with the same file', async () => {
    const before = await census();
    const arrival = await draftOf('arrival-review');
    const again = await run('film-reviews.xml');
    expect(again.counts).toEqual({
      reviews: { imported: 0, updated: 0, skipped: 7, failed: 0 },
      comments: { imported: 0, updated: 0, skipped: 7, failed: 0 },
      faqs: { imported: 0, updated: 0, skipped: 0, failed: 0 },
      authors: { imported: 0, updated: 0, skipped: 0, failed: 0 },
      genres: { imported: 0, updated: 0, skipped: 0, failed: 0 },
      images: { imported: 0, updated: 0, skipped: 0, failed: 0 },
      redirects: { imported: 0, updated: 0, skipped: 13, failed: 0 },
    });
    expect(await census()).toEqual(before);
    expect((await draftOf('arrival-review')).updatedAt).toEqual(arrival.updatedAt);
  });

  it('updates what changed in WordPress, never duplicating', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-wxr-'));
    try {
      const changed = readFileSync(fixture('film-reviews.xml'), 'utf8')
        .replace('<title><![CDATA[Arrival]]></title>', '<title><![CDATA[Arrival (2016)]]></title>')
        .replace(
          'Waiting for a moderator.]]></wp:comment_content>\n      <wp:comment_approved><![CDATA[0]]>',
          'Waiting for a moderator.]]></wp:comment_content>\n      <wp:comment_approved><![CDATA[1]]>',
        );
      writeFileSync(path.join(dir, 'film-reviews.xml'), changed);
      const before = await census();
      const report = await importWordpress(app.strapi, {
        file: path.join(dir, 'film-reviews.xml'),
        uploads,
        ratingMeta: 'rating',
        dryRun: false,
      });
      expect(report.counts.reviews).toEqual({ imported: 0, updated: 1, skipped: 6, failed: 0 });
      expect(report.counts.comments).toEqual({ imported: 0, updated: 1, skipped: 6, failed: 0 });
      expect(await census()).toEqual(before);
      expect((await draftOf('arrival-review')).title).toBe('Arrival (2016)');
      expect((await publishedOf('arrival-review')).title).toBe('Arrival (2016)');
      const pat = (await commentsOf('arrival-review')).find(
        (c: { authorName: string }) => c.authorName === 'Pat Pending',
      );
      expect(pat.moderationStatus).toBe('approved');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a dry run', () => {
  it('writes nothing and prints the report the import then gives', async () => {
    const before = await census();
    const dry = await run('theme-unit-test-data.xml', { dryRun: true, uploads: null });
    expect(await census()).toEqual(before);
    expect(dry.dryRun).toBe(true);
    const real = await run('theme-unit-test-data.xml', { uploads: null });
    expect(dry.counts).toEqual(real.counts);
    expect(dry.warnings).toEqual(real.warnings);
    expect(dry.notImported).toEqual(real.notImported);
    expect(real.counts.reviews.imported).toBe(58);
    expect(real.counts.comments).toEqual({ imported: 24, updated: 0, skipped: 0, failed: 0 });
  });
});

describe('bad input', () => {
  it.each([
    ['malformed-simple.xml', /^malformed-simple\.xml:\d+:\d+: /],
    ['not-wxr.xml', /not-wxr\.xml:2:19: .*this is not a WordPress export \(WXR\)/],
    ['xxe.xml', /xxe\.xml:2:\d+: the file declares a DOCTYPE/],
    ['billion-laughs.xml', /billion-laughs\.xml:\d+:\d+: the file declares a DOCTYPE/],
  ])('refuses %s, saying why and where, with nothing written', async (file, why) => {
    const before = await census();
    await expect(run(file)).rejects.toThrow(why);
    expect(await census()).toEqual(before);
  });

  it('refuses a broken file on the command line before it loads the CMS', async () => {
    const lines: string[] = [];
    const code = await main([fixture('malformed-simple.xml')], (line) => lines.push(line));
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Refused, nothing was written: malformed-simple\.xml:\d+:\d+: /)]);
  });

  it('imports the UTF-8 challenges export', async () => {
    const report = await run('wxr-utf-8-challenges.xml', { uploads: null });
    expect(report.counts.reviews.failed).toBe(0);
    expect(report.counts.reviews.imported).toBeGreaterThan(0);
  });
});
