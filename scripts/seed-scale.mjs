// `npm run seed:scale -- [--reviews 10000] [--comments 1000000] [--reset] [--force]`
//
// Fills a PostgreSQL database with generated content at scale, in Strapi 5's own table layout, so that the CMS reads
// it as if editors and readers had written it: 10,000 published reviews (a draft and a published row per document,
// as Strapi keeps them) with films, directors and cast, authors, genres, sections, SEO and FAQs, and 1,000,000 comments
// (80% approved, the rest pending, spam or rejected; threaded three deep; skewed so that a few reviews hold tens of
// thousands). The busiest review is HOT_REVIEW_SLUG and holds 50,000 approved comments at the default size.
//
// Bulk SQL (INSERT ... SELECT over generate_series and arrays) rather than the document service: the document service
// writes ~100 rows a second here, which would take hours. The layout was read from a database Strapi made (see
// docs/scale/README.md); the API tests read a generated database back through Strapi's REST API.
//
// The database comes from DATABASE_* as the CMS reads it (DATABASE_URL, or HOST/PORT/NAME/USERNAME/PASSWORD). It
// refuses SQLite, a database whose name does not say it is for this (contains "scale", "bench" or "test") unless
// --force, and a database that already holds reviews unless --reset (which empties the content tables first).
// Without Strapi's tables it boots the CMS once to create them.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  FAQ_QUESTIONS,
  FILM_WORDS,
  FIRST_NAMES,
  GENRES,
  LAST_NAMES,
  SECTION_HEADINGS,
  TITLE_PHRASES,
  USER_AGENTS,
  VOCABULARY,
} from './scale/words.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsRequire = createRequire(path.join(root, 'cms', 'package.json'));
const { Client } = cmsRequire('pg');
const { FILL_POSITIONS } = cmsRequire('./database/migrations/2026.12.03T00.00.00.thread-positions.js');

/** The review with the most comments: the bench reads its first and last comment pages. */
export const HOT_REVIEW_SLUG = 'scale-review-1';
export const DEFAULTS = { reviews: 10_000, comments: 1_000_000 };

const SECTIONS = 5;
const FAQS = 2;
const AUTHORS = 40;
const PARAGRAPHS = 4_000;
const COMMENT_BODIES = 20_000;
const DAY = 86_400_000;

/** mulberry32: small, fast, and the same sequence for the same seed. */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const writer = (rand) => {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const sentence = (min, max) => {
    const words = Array.from({ length: int(min, max) }, () => pick(VOCABULARY));
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}${pick(['.', '.', '.', '!', '?'])}`;
  };
  const paragraph = (sentences) => Array.from({ length: sentences }, () => sentence(8, 18)).join(' ');
  return { pick, int, sentence, paragraph };
};

const slugify = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * How many comments each review gets: the first holds 1/16 of them (62,500 of 1,000,000, so 50,000 approved), the
 * next four 2% each, the rest a long tail that thins out with the review's rank.
 */
export const commentCounts = (reviews, comments) => {
  const counts = new Array(reviews).fill(0);
  let left = comments;
  const give = (index, count) => {
    const n = Math.min(left, count);
    counts[index] += n;
    left -= n;
  };
  give(0, Math.ceil(comments / 16));
  for (let i = 1; i < Math.min(5, reviews); i += 1) give(i, Math.ceil(comments * 0.02));
  if (reviews > 5 && left > 0) {
    const weights = Array.from({ length: reviews - 5 }, (_, i) => 1 / (i + 1) ** 0.7);
    const sum = weights.reduce((a, b) => a + b, 0);
    const tail = left;
    weights.forEach((weight, i) => give(i + 5, Math.floor((tail * weight) / sum)));
  }
  for (let i = 0; left > 0; i = (i + 1) % reviews) give(i, 1);
  return counts;
};

const CONTENT_TABLES = [
  'comments',
  'comment_reports',
  'reviews',
  'films',
  'authors',
  'genres',
  'faqs',
  'components_review_sections',
  'components_shared_seos',
  'components_film_people',
  'components_film_cast_members',
  'reviews_cmps',
  'films_cmps',
  'review_search',
  'comment_threads',
  'comment_thread_stats',
];

/** DATABASE_* as the CMS reads them (config/database.ts), as a pg client config. */
export const databaseFromEnv = (env = process.env) => {
  if ((env.DATABASE_CLIENT ?? 'sqlite') !== 'postgres') {
    throw new Error(
      'seed:scale writes PostgreSQL only: set DATABASE_CLIENT=postgres and DATABASE_* (SQLite is not for 1,000,000 comments).',
    );
  }
  if (env.DATABASE_URL) return { connectionString: env.DATABASE_URL };
  return {
    host: env.DATABASE_HOST ?? 'localhost',
    port: Number(env.DATABASE_PORT ?? 5432),
    database: env.DATABASE_NAME ?? 'strapi',
    user: env.DATABASE_USERNAME ?? 'strapi',
    password: env.DATABASE_PASSWORD ?? 'strapi',
  };
};

const bootCms = (database) => {
  const env = { ...process.env, DATABASE_CLIENT: 'postgres', NODE_ENV: process.env.NODE_ENV ?? 'development' };
  if (database.connectionString) Object.assign(env, { DATABASE_URL: database.connectionString });
  else {
    Object.assign(env, {
      DATABASE_URL: '',
      DATABASE_HOST: database.host,
      DATABASE_PORT: String(database.port ?? 5432),
      DATABASE_NAME: database.database,
      DATABASE_USERNAME: database.user,
      DATABASE_PASSWORD: database.password ?? '',
    });
  }
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'scale', 'boot-cms.cjs')], {
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The CMS did not boot on that database to create its tables');
};

/**
 * Fills `database` (a pg client config; DATABASE_* when omitted) with `reviews` reviews and `comments` comments.
 * @returns the counts written, HOT_REVIEW_SLUG, and how long each step took (ms).
 * @throws when the database is not PostgreSQL, not meant for this (without `force`), or holds reviews (without `reset`).
 */
export async function seedScale({
  reviews = DEFAULTS.reviews,
  comments = DEFAULTS.comments,
  database,
  reset = false,
  force = false,
  seed = 42,
  log = () => {},
} = {}) {
  if (!Number.isInteger(reviews) || reviews < 1) throw new Error('reviews must be a whole number from 1');
  if (!Number.isInteger(comments) || comments < 0) throw new Error('comments must be a whole number from 0');
  const config = database ?? databaseFromEnv();
  const timings = {};
  const step = async (name, run) => {
    const started = performance.now();
    const result = await run();
    timings[name] = Math.round(performance.now() - started);
    log(`${name}: ${(timings[name] / 1000).toFixed(1)} s`);
    return result;
  };

  let client = new Client(config);
  await client.connect();
  try {
    const {
      rows: [{ name }],
    } = await client.query('SELECT current_database() AS name');
    if (!force && !/scale|bench|test/i.test(name)) {
      throw new Error(
        `Refusing to fill "${name}": its name does not say it is for a scale run (scale, bench or test). Pass --force if it is.`,
      );
    }
    const {
      rows: [{ exists }],
    } = await client.query(`SELECT to_regclass('public.comments_review_lnk') IS NOT NULL AS exists`);
    if (!exists) {
      await client.end();
      await step('boot the CMS to create its tables', async () => bootCms(config));
      client = new Client(config);
      await client.connect();
    }
    const {
      rows: [{ count }],
    } = await client.query('SELECT count(*)::int AS count FROM reviews');
    if (count > 0 && !reset)
      throw new Error(`"${name}" already holds ${count} review rows. Pass --reset to replace its content.`);

    await client.query('SET synchronous_commit = off');
    await client.query(`SET statement_timeout = 0`);
    await client.query('BEGIN');
    if (count > 0 || reset) {
      await step('empty the content tables', () =>
        client.query(`TRUNCATE ${CONTENT_TABLES.join(', ')} RESTART IDENTITY CASCADE`),
      );
    }

    const rand = random(seed);
    const w = writer(rand);
    const now = Date.now();
    const base = now - 120 * DAY;

    await step('text pools', async () => {
      const paragraphs = Array.from({ length: PARAGRAPHS }, () => w.paragraph(w.int(3, 6)));
      const bodies = Array.from({ length: COMMENT_BODIES }, () =>
        Array.from({ length: w.int(1, 4) }, () => w.sentence(5, 16)).join(' '),
      );
      await client.query(
        'CREATE TEMP TABLE pool_paragraph ON COMMIT DROP AS SELECT i - 1 AS i, t AS text FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i)',
        [paragraphs],
      );
      await client.query(
        'CREATE TEMP TABLE pool_comment ON COMMIT DROP AS SELECT i - 1 AS i, t AS text FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i)',
        [bodies],
      );
      await client.query('CREATE UNIQUE INDEX ON pool_paragraph (i)');
      await client.query('CREATE UNIQUE INDEX ON pool_comment (i)');
    });

    await step('genres and authors', async () => {
      const stamp = new Date(base - 10 * 365 * DAY).toISOString();
      await client.query(
        `INSERT INTO genres (id, document_id, name, slug, created_at, updated_at, published_at)
         SELECT i, substr(md5('genre-' || i), 1, 24), n, $2 || '-' || i, $3, $3, $3
         FROM unnest($1::text[]) WITH ORDINALITY AS u(n, i)`,
        [GENRES, 'scale-genre', stamp],
      );
      const authors = Array.from({ length: AUTHORS }, () => `${w.pick(FIRST_NAMES)} ${w.pick(LAST_NAMES)}`);
      const bios = authors.map(() => w.paragraph(2).slice(0, 600));
      await client.query(
        `INSERT INTO authors (id, document_id, name, slug, bio, created_at, updated_at, published_at)
         SELECT i, substr(md5('author-' || i), 1, 24), n, 'scale-author-' || i, b, $3, $3, $3
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(n, b, i)`,
        [authors, bios, stamp],
      );
    });

    const films = [];
    for (let k = 1; k <= reviews; k += 1) {
      const title = `The ${w.pick(FILM_WORDS)} ${w.pick(FILM_WORDS)}`;
      const genreCount = w.int(1, 3);
      const genres = [];
      while (genres.length < genreCount) {
        const genre = w.int(1, GENRES.length);
        if (!genres.includes(genre)) genres.push(genre);
      }
      films.push({
        title,
        original: rand() < 0.3 ? `${w.pick(FILM_WORDS)} ${w.pick(FILM_WORDS)}` : null,
        year: w.int(1925, 2026),
        runtime: w.int(78, 190),
        reviewTitle: `${title} review: ${w.pick(TITLE_PHRASES)}`,
        excerpt: w.paragraph(2).slice(0, 400),
        verdict: w.paragraph(3).slice(0, 2000),
        rating: w.int(2, 10) / 2,
        author: w.int(1, AUTHORS),
        genres,
        director: `${w.pick(FIRST_NAMES)} ${w.pick(LAST_NAMES)}`,
        cast: Array.from({ length: 3 }, () => `${w.pick(FIRST_NAMES)} ${w.pick(LAST_NAMES)}`),
      });
    }
    const column = (get) => films.map(get);
    // The first review is the newest; each older one was published 8 hours before the next.
    const publishedAt = films.map((_, i) => new Date(base - i * 8 * 3_600_000).toISOString());

    await step('films with directors, cast and genres', async () => {
      await client.query(
        `INSERT INTO films (id, document_id, title, slug, original_title, year, country, language, runtime, created_at, updated_at, published_at)
         SELECT k, substr(md5('film-' || k), 1, 24), t, 'scale-film-' || k, o, y, 'Generated', 'English', rt, p, p, p
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamp[]) WITH ORDINALITY AS u(t, o, y, rt, p, k)`,
        [
          column((f) => f.title),
          column((f) => f.original),
          column((f) => f.year),
          column((f) => f.runtime),
          publishedAt,
        ],
      );
      await client.query(
        `INSERT INTO components_film_people (id, name) SELECT k, n FROM unnest($1::text[]) WITH ORDINALITY AS u(n, k)`,
        [column((f) => f.director)],
      );
      await client.query(
        `INSERT INTO components_film_cast_members (id, name, character)
         SELECT k, n, 'Character ' || k FROM unnest($1::text[]) WITH ORDINALITY AS u(n, k)`,
        [films.flatMap((f) => f.cast)],
      );
      await client.query(
        `INSERT INTO films_cmps (entity_id, cmp_id, component_type, field, "order")
         SELECT k, k, 'film.person', 'directors', 1 FROM generate_series(1, $1::int) AS k
         UNION ALL
         SELECT k, (k - 1) * 3 + c, 'film.cast-member', 'cast', c FROM generate_series(1, $1::int) AS k, generate_series(1, 3) AS c`,
        [reviews],
      );
      await client.query(
        `INSERT INTO films_genres_lnk (film_id, genre_id, genre_ord, film_ord)
         SELECT k, g, o, k FROM unnest($1::int[], $2::int[], $3::int[]) AS u(k, g, o)`,
        [
          films.flatMap((f, i) => f.genres.map(() => i + 1)),
          films.flatMap((f) => f.genres),
          films.flatMap((f) => f.genres.map((_, o) => o + 1)),
        ],
      );
    });

    await step('reviews (draft and published rows) with links', async () => {
      // Row 2k-1 is review k's draft, row 2k its published version: one document_id, as Strapi stores them.
      await client.query(
        `INSERT INTO reviews (id, document_id, title, slug, excerpt, rating, best_rating, worst_rating, verdict, comments_open, created_at, updated_at, published_at)
         SELECT 2 * k - 2 + v, substr(md5('review-' || k), 1, 24), t, 'scale-review-' || k, e, r, 5, 1, vd, true, p, p,
                CASE WHEN v = 2 THEN p END
         FROM unnest($1::text[], $2::text[], $3::numeric[], $4::text[], $5::timestamp[]) WITH ORDINALITY AS u(t, e, r, vd, p, k),
              generate_series(1, 2) AS v`,
        [
          column((f) => f.reviewTitle),
          column((f) => f.excerpt),
          column((f) => f.rating),
          column((f) => f.verdict),
          publishedAt,
        ],
      );
      await client.query(
        `INSERT INTO reviews_film_lnk (review_id, film_id, review_ord) SELECT 2 * k - 2 + v, k, 1
         FROM generate_series(1, $1::int) AS k, generate_series(1, 2) AS v`,
        [reviews],
      );
      await client.query(
        `INSERT INTO reviews_author_lnk (review_id, author_id, review_ord) SELECT 2 * k - 2 + v, a, k
         FROM unnest($1::int[]) WITH ORDINALITY AS u(a, k), generate_series(1, 2) AS v`,
        [column((f) => f.author)],
      );
      await client.query(
        `INSERT INTO reviews_genres_lnk (review_id, genre_id, genre_ord, review_ord)
         SELECT 2 * k - 2 + v, g, o, k FROM unnest($1::int[], $2::int[], $3::int[]) AS u(k, g, o), generate_series(1, 2) AS v`,
        [
          films.flatMap((f, i) => f.genres.map(() => i + 1)),
          films.flatMap((f) => f.genres),
          films.flatMap((f) => f.genres.map((_, o) => o + 1)),
        ],
      );
    });

    await step('sections and SEO (components of both rows)', async () => {
      await client.query(
        `INSERT INTO components_review_sections (id, heading, body, spoiler)
         SELECT (row - 1) * ${SECTIONS} + s, ($2::text[])[1 + (s - 1) % array_length($2::text[], 1)],
                jsonb_build_array(
                  jsonb_build_object('type', 'paragraph', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', p1.text))),
                  jsonb_build_object('type', 'paragraph', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', p2.text)))),
                s = 3 AND k % 4 = 0
         FROM generate_series(1, $1::int) AS k, generate_series(1, 2) AS v, generate_series(1, ${SECTIONS}) AS s,
              LATERAL (SELECT 2 * k - 2 + v AS row) AS r, pool_paragraph p1, pool_paragraph p2
         WHERE p1.i = (k * 7 + s * 13) % ${PARAGRAPHS} AND p2.i = (k * 11 + s * 17 + 1) % ${PARAGRAPHS}`,
        [reviews, SECTION_HEADINGS],
      );
      await client.query(
        `INSERT INTO components_shared_seos (id, meta_title, meta_description)
         SELECT id, left(title, 255), excerpt FROM reviews`,
      );
      await client.query(
        `INSERT INTO reviews_cmps (entity_id, cmp_id, component_type, field, "order")
         SELECT row, (row - 1) * ${SECTIONS} + s, 'review.section', 'sections', s
         FROM generate_series(1, 2 * $1::int) AS row, generate_series(1, ${SECTIONS}) AS s
         UNION ALL
         SELECT id, id, 'shared.seo', 'seo', NULL FROM reviews`,
        [reviews],
      );
    });

    await step('FAQs (draft and published rows)', async () => {
      // FAQ f of review k: rows 4(k-1)+2f-1 (draft, linked to the review's draft) and 4(k-1)+2f (published).
      await client.query(
        `INSERT INTO faqs (id, document_id, question, answer, "order", created_at, updated_at, published_at)
         SELECT 4 * (k - 1) + 2 * f - 2 + v, substr(md5('faq-' || k || '-' || f), 1, 24),
                ($2::text[])[1 + (k + f) % array_length($2::text[], 1)],
                jsonb_build_array(jsonb_build_object('type', 'paragraph', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', p.text)))),
                f, r.created_at, r.created_at, CASE WHEN v = 2 THEN r.created_at END
         FROM generate_series(1, $1::int) AS k, generate_series(1, ${FAQS}) AS f, generate_series(1, 2) AS v, reviews r, pool_paragraph p
         WHERE r.id = 2 * k - 2 + v AND p.i = (k * 5 + f * 3) % ${PARAGRAPHS}`,
        [reviews, FAQ_QUESTIONS],
      );
      await client.query(
        `INSERT INTO faqs_review_lnk (faq_id, review_id, faq_ord)
         SELECT 4 * (k - 1) + 2 * f - 2 + v, 2 * k - 2 + v, f
         FROM generate_series(1, $1::int) AS k, generate_series(1, ${FAQS}) AS f, generate_series(1, 2) AS v`,
        [reviews],
      );
    });

    const counts = commentCounts(reviews, comments);
    const starts = [];
    counts.reduce((start, n) => (starts.push(start), start + n), 0);

    await step(`comments (${comments})`, async () => {
      // Comment j of review k: ids run review by review, oldest first. Of every five, three are top-level, the
      // fourth answers the third and the fifth the fourth (three deep). Of every ten, eight are approved, among them
      // whole three-deep chains (j % 10 = 7, 8, 9).
      await client.query(
        `INSERT INTO comments (id, document_id, author_name, author_email, author_website, body, moderation_status, held_reason,
                               ip_hash, user_agent, rating, is_staff, report_count, hidden_by_reports, created_at, updated_at, published_at)
         SELECT c.id, substr(md5('comment-' || c.id), 1, 24),
                ($4::text[])[1 + c.id % array_length($4::text[], 1)] || ' ' || ($5::text[])[1 + (c.id / 7) % array_length($5::text[], 1)],
                'reader' || (c.id % 50000) || '@example.com',
                CASE WHEN c.id % 9 = 0 THEN 'https://example.com/reader' || (c.id % 50000) END,
                b.text,
                CASE WHEN (c.j * 3) % 10 < 8 THEN 'approved' WHEN (c.j * 3) % 10 = 8 THEN 'pending'
                     WHEN (c.j / 10) % 2 = 0 THEN 'spam' ELSE 'rejected' END,
                CASE WHEN (c.j * 3) % 10 = 8 THEN 'Held for review' END,
                md5('ip-' || (c.id % 70000)), ($6::text[])[1 + c.id % array_length($6::text[], 1)],
                CASE WHEN c.j % 5 < 3 AND c.id % 3 = 0 THEN 1 + c.id % 5 END,
                c.id % 97 = 0, 0, false, c.at, c.at, c.at
         FROM (
           SELECT s + j + 1 AS id, j, p + make_interval(secs => j * least(3600.0, 8640000.0 / greatest(n, 1))) AS at
           FROM unnest($1::int[], $2::int[], $3::timestamp[]) AS u(n, s, p), generate_series(0, n - 1) AS j
         ) AS c
         JOIN pool_comment b ON b.i = c.id % ${COMMENT_BODIES}`,
        [counts, starts, publishedAt, FIRST_NAMES, LAST_NAMES, USER_AGENTS],
      );
    });

    await step('comment links (review rows, parents)', async () => {
      // A comment links to both rows of its review (draft and published), as Strapi links a document without
      // draft and publish to one that has it.
      await client.query(
        `INSERT INTO comments_review_lnk (comment_id, review_id)
         SELECT s + j + 1, 2 * k - 2 + v
         FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS u(n, s, k), generate_series(0, n - 1) AS j, generate_series(1, 2) AS v`,
        [counts, starts],
      );
      await client.query(
        `INSERT INTO comments_parent_lnk (comment_id, inv_comment_id)
         SELECT s + j + 1, s + j FROM unnest($1::int[], $2::int[]) AS u(n, s), generate_series(0, n - 1) AS j
         WHERE j % 5 >= 3`,
        [counts, starts],
      );
    });

    await step('sequences', async () => {
      const { rows } = await client.query(
        `SELECT c.table_name FROM information_schema.columns c
         WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.column_default LIKE 'nextval%'
           AND (c.table_name = ANY ($1::text[]) OR c.table_name LIKE '%\\_lnk')`,
        [CONTENT_TABLES],
      );
      for (const { table_name: table } of rows) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`,
          [table],
        );
      }
    });

    // The CMS's own fill (migration.FILL_COMMENT_THREADS) goes through the link tables (~2 minutes at 1,000,000);
    // the generator knows each comment's review and depth already.
    await step('thread index', () =>
      client.query(
        `INSERT INTO comment_threads (comment_id, review_document_id, approved, root, created_at)
         SELECT c.id, substr(md5('review-' || k), 1, 24), CASE WHEN c.moderation_status = 'approved' THEN 1 ELSE 0 END,
                CASE WHEN j % 5 >= 3 THEN 0 ELSE 1 END, c.created_at
         FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS u(n, s, k), generate_series(0, n - 1) AS j, comments c
         WHERE c.id = s + j + 1`,
        [counts, starts],
      ),
    );
    // Each visible top-level comment's place in its thread; the per-review counts and ratings are computed by the
    // CMS on each thread's first read.
    await step('thread positions', () => client.query(FILL_POSITIONS));
    await step('search index', () => client.query('SELECT marquee_refresh_review_search(NULL)'));
    await client.query('COMMIT');
    // VACUUM too: the thread index's counts are index-only scans, which need the visibility map it writes.
    await step('vacuum and analyze', () => client.query('VACUUM (ANALYZE)'));
    return {
      reviews,
      comments,
      approvedOnHotReview: Array.from({ length: counts[0] }, (_, j) => (j * 3) % 10 < 8).filter(Boolean).length,
      hotReviewSlug: HOT_REVIEW_SLUG,
      timings,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

const parseArgs = (argv) => {
  const options = { reviews: DEFAULTS.reviews, comments: DEFAULTS.comments, reset: false, force: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--reset') options.reset = true;
    else if (arg === '--force') options.force = true;
    else if (arg === '--reviews' || arg === '--comments') {
      const value = Number(argv[(i += 1)]);
      if (!Number.isInteger(value) || value < (arg === '--reviews' ? 1 : 0))
        throw new Error(`${arg} needs a whole number`);
      options[arg.slice(2)] = value;
    } else
      throw new Error(
        `Unknown option ${arg}. Usage: npm run seed:scale -- [--reviews N] [--comments M] [--reset] [--force]`,
      );
  }
  return options;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  try {
    const options = parseArgs(process.argv.slice(2));
    const log = (line) => console.log(`[seed:scale] ${line}`);
    log(`writing ${options.reviews} reviews and ${options.comments} comments`);
    const result = await seedScale({ ...options, log });
    log(
      `done in ${((performance.now() - started) / 1000).toFixed(1)} s; busiest review: ${result.hotReviewSlug} (${result.approvedOnHotReview} approved comments)`,
    );
  } catch (error) {
    console.error(`[seed:scale] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
