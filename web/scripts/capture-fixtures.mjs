#!/usr/bin/env node
/**
 * Captures test fixtures from a running CMS, so the web's tests fail when the CMS's answers drift from what
 * lib/cms parses. Usage: `CMS_URL=http://localhost:1337 npm run capture-fixtures`.
 * Writes test/fixtures/captured/*.json (anonymous reads only; nothing is created in the CMS).
 * Fixtures under test/fixtures/contract/ are hand-written from docs/cms-api.md for answers that cannot be
 * captured anonymously; this script replaces one of them when the CMS can produce it (e.g. a comment thread).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'test', 'fixtures', 'captured');
const cmsUrl = (process.env.CMS_URL ?? 'http://localhost:1337').replace(/\/+$/, '');

async function get(pathAndQuery, { expect = 200 } = {}) {
  const res = await fetch(`${cmsUrl}/api${pathAndQuery}`, { headers: { Accept: 'application/json' } });
  const body = await res.json();
  if (res.status !== expect)
    throw new Error(`${pathAndQuery}: expected ${expect}, got ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

async function save(name, body) {
  await writeFile(path.join(out, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  console.log(`captured ${name}.json`);
}

async function main() {
  await mkdir(out, { recursive: true });
  const list = await get('/reviews?pagination[page]=1&pagination[pageSize]=3&sort=publishedAt:desc');
  await save('reviews-list', list);
  const first = list.data[0];
  if (!first) throw new Error('The CMS has no published review to capture');

  // The richest review (FAQs, spoilers, cover) makes the best single-review fixture.
  const all = await get('/reviews?pagination[pageSize]=50');
  const score = (r) =>
    (r.faqs?.length ?? 0) * 4 + (r.sections ?? []).filter((s) => s.spoiler).length * 2 + (r.cover ? 1 : 0);
  const richest = [...all.data].sort((a, b) => score(b) - score(a))[0] ?? first;
  await save(
    'review-by-slug',
    await get(
      `/reviews?filters[slug][$eq]=${encodeURIComponent(richest.slug)}&pagination[page]=1&pagination[pageSize]=1`,
    ),
  );
  await save(
    'review-by-slug-empty',
    await get('/reviews?filters[slug][$eq]=no-such-review-fixture&pagination[page]=1&pagination[pageSize]=1'),
  );
  await save('review-404', await get('/reviews/no-such-document-id', { expect: 404 }));
  await save('faqs-site', await get('/faqs?filters[review][$null]=true&sort=order:asc&pagination[pageSize]=100'));

  const genreSlug = first.genres?.[0]?.slug;
  if (genreSlug) await save('genres-by-slug', await get(`/genres?filters[slug][$eq]=${encodeURIComponent(genreSlug)}`));
  const authorSlug = first.author?.slug;
  if (authorSlug)
    await save('authors-by-slug', await get(`/authors?filters[slug][$eq]=${encodeURIComponent(authorSlug)}`));

  await save(
    'comments-unknown-review',
    await get('/comments/review/no-such-review-fixture?page=1&pageSize=50', { expect: 404 }),
  );
  let thread = null;
  for (const review of all.data) {
    const answer = await get(`/comments/review/${encodeURIComponent(review.slug)}?page=1&pageSize=50`);
    if (answer.meta.pagination.total > 0 && (!thread || answer.data.some((c) => c.replies?.length))) thread = answer;
    if (thread?.data.some((c) => c.replies?.length)) break;
  }
  if (thread) await save('comments-thread', thread);
  else console.warn('no approved comments in the CMS: test/fixtures/contract/comments-thread.json stays hand-written');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
