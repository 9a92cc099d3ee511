import type { Core } from '@strapi/strapi';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A knex connection or transaction, as Strapi's database layer hands them out. */
type Connection = Core.Strapi['db']['connection'];

const REVIEW = 'api::review.review';

/** One piece of a snippet: plain text, marked where the query matched. Never markup. */
export interface SnippetSegment {
  text: string;
  highlight: boolean;
}

export interface SearchHit {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string | null;
  film: { title: string; year: number | null } | null;
  cover: Record<string, unknown> | null;
  snippet: SnippetSegment[];
}

export interface SearchAnswer {
  data: SearchHit[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

const rawRows = (result: unknown): Record<string, unknown>[] => {
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown }).rows;
  return z.array(z.record(z.string(), z.unknown())).parse(rows ?? []);
};

/**
 * Markers the database puts around matched words. A fresh random pair per request: text stored in a review cannot
 * contain them, so whatever the data holds (`<b>`, `<script>`, marker-looking text) stays text in a segment.
 */
const newMarkers = () => {
  const nonce = randomBytes(12).toString('hex');
  return { start: `mqs${nonce}s`, stop: `mqs${nonce}e` };
};

/** Cuts marked text into segments; markers never reach the answer. */
export const toSegments = (marked: string, markers: { start: string; stop: string }): SnippetSegment[] => {
  const segments: SnippetSegment[] = [];
  const push = (text: string, highlight: boolean) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && last.highlight === highlight) last.text += text;
    else segments.push({ text, highlight });
  };
  let rest = marked;
  while (rest !== '') {
    const open = rest.indexOf(markers.start);
    if (open === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    rest = rest.slice(open + markers.start.length);
    const close = rest.indexOf(markers.stop);
    const inner = close === -1 ? rest : rest.slice(0, close);
    push(inner, true);
    rest = close === -1 ? '' : rest.slice(close + markers.stop.length);
  }
  return segments.map((segment) => ({ ...segment, text: segment.text.split(markers.stop).join('') }));
};

/** Text of Strapi blocks (rich text), paragraphs joined by spaces. */
export const blocksText = (value: unknown): string => {
  if (Array.isArray(value)) return value.map(blocksText).filter(Boolean).join(' ');
  if (typeof value !== 'object' || value === null) return '';
  const node = value as { text?: unknown; children?: unknown };
  if (typeof node.text === 'string') return node.text;
  return blocksText(node.children);
};

/** Words of a query, for SQLite's FTS5 (its query syntax is not for readers to write). */
const ftsWords = (q: string) => (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);

/**
 * Typos forgiven in a query word, as Meilisearch and Algolia count them: none under 5 letters, one from 5, two from
 * 9 (characters, not bytes).
 */
export const typoBudget = (word: string): number => {
  const length = [...word].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
};

/** Edit distance (insertions, deletions, substitutions) between two words, by code point. */
export const levenshtein = (a: string, b: string): number => {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, i) => i);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
};

/**
 * The words a typo may hide in: lower-case, with their budget. A query written with search syntax (a quoted phrase,
 * `-word`, `or`) is taken as written.
 */
const typoWords = (q: string) => {
  if (/["]|(?:^|\s)-\S|(?:^|\s)or(?:\s|$)/i.test(q)) return [];
  const words = [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16))];
  return words.map((word) => ({ word, budget: typoBudget(word) }));
};

/** At most this many spellings per query word: the closest first. */
const FIXES_PER_WORD = 6;

interface Ranked {
  documentId: string;
  total: number;
  snippet: SnippetSegment[];
}

const SNIPPET_CHARS = 240;

const plainSnippet = (text: unknown): SnippetSegment[] => {
  const value = typeof text === 'string' ? text.slice(0, SNIPPET_CHARS) : '';
  return value ? [{ text: value, highlight: false }] : [];
};

/**
 * For each query word, the indexed words within its typo budget (review_search_words: a trigram index finds the
 * candidates, fuzzystrmatch's levenshtein_less_equal keeps those close enough).
 */
const fixesPostgres = async (
  trx: Connection,
  words: { word: string; budget: number }[],
): Promise<Map<string, string[]>> => {
  const fixes = new Map<string, string[]>();
  const typed = words.filter(({ budget }) => budget > 0);
  if (typed.length === 0) return fixes;
  // A one-letter change in a five-letter word keeps about a third of its trigrams: the default threshold (0.3) would
  // miss some of them.
  await trx.raw('SET LOCAL pg_trgm.similarity_threshold = 0.2');
  const rows = rawRows(
    await trx.raw(
      `SELECT q.word, fix.word AS fix
       FROM unnest(?::text[], ?::int[]) AS q(word, budget)
       CROSS JOIN LATERAL (
         SELECT w.word, levenshtein_less_equal(q.word, w.word, q.budget) AS distance
         FROM review_search_words w
         WHERE w.word % q.word AND w.word <> q.word AND abs(length(w.word) - length(q.word)) <= q.budget
           AND levenshtein_less_equal(q.word, w.word, q.budget) <= q.budget
         ORDER BY distance, w.word <-> q.word, w.word
         LIMIT ${FIXES_PER_WORD}
       ) fix`,
      [typed.map(({ word }) => word), typed.map(({ budget }) => budget)],
    ),
  );
  for (const row of rows) {
    const word = String(row.word);
    fixes.set(word, [...(fixes.get(word) ?? []), String(row.fix)]);
  }
  return fixes;
};

/**
 * The query as SQL: `exact` is what the reader wrote (websearch syntax), `query` adds, for each word, the spellings
 * it may have meant (every word must still match, as written or as one of its spellings).
 */
const tsQueries = (q: string, words: { word: string }[], fixes: Map<string, string[]>) => {
  const exact = { sql: `websearch_to_tsquery('english', ?)`, bindings: [q] as unknown[] };
  if (fixes.size === 0) return { exact, query: exact, fuzzy: false };
  const bindings: unknown[] = [];
  const sql = words
    .map(({ word }) => {
      const spellings = [word, ...(fixes.get(word) ?? [])];
      bindings.push(...spellings);
      return `(${spellings.map(() => `websearch_to_tsquery('english', ?)`).join(' || ')})`;
    })
    .join(' && ');
  return { exact, query: { sql, bindings }, fuzzy: true };
};

const rankPostgres = async (strapi: Core.Strapi, q: string, limit: number, offset: number): Promise<Ranked[]> => {
  const knex = strapi.db.connection;
  const markers = newMarkers();
  const options = `StartSel=${markers.start}, StopSel=${markers.stop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  // The rank decides the page first, without the text (carrying it through the window costs ~40 ms for a common
  // word); ts_headline, the costly part, runs on that page's rows only. Ranking reads
  // `head` (title, film, excerpt): a body-only match ranks below any title, film or excerpt match, newest first.
  // Matches as written come before matches through a typo (the exact query's own GIN lookup, not a second read of
  // each row's whole vector).
  // The planner estimates a common word's matches as most of the table and reads every row's whole vector (~150 ms
  // at 10,000 reviews); the GIN bitmap finds the same rows in ~15 ms, so the sequential scan is ruled out here.
  const { fts, queries } = await knex.transaction(async (trx) => {
    const words = typoWords(q);
    const queries = tsQueries(q, words, await fixesPostgres(trx, words));
    await trx.raw('SET LOCAL enable_seqscan = off');
    const exactMatch = queries.fuzzy
      ? `s.document_id IN (SELECT e.document_id FROM review_search e, q WHERE e.document @@ q.exact)`
      : 'true';
    const fts = rawRows(
      await trx.raw(
        `WITH q AS (SELECT ${queries.exact.sql} AS exact, ${queries.query.sql} AS query),
         page AS (
           SELECT s.document_id, count(*) OVER () AS total, ${exactMatch} AS exact_match,
                  ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', s.head, q.query) AS rank, s.published_at
           FROM review_search s, q
           WHERE s.document @@ q.query
           ORDER BY exact_match DESC, rank DESC, s.published_at DESC, s.document_id
           LIMIT ? OFFSET ?
         )
         SELECT page.document_id, page.total, ts_headline('english', r.content, q.query, ?) AS snippet
         FROM page JOIN review_search r ON r.document_id = page.document_id, q
         ORDER BY page.exact_match DESC, page.rank DESC, page.published_at DESC, page.document_id`,
        [...queries.exact.bindings, ...queries.query.bindings, limit, offset, options],
      ),
    );
    return { fts, queries };
  });
  if (fts.length > 0 || offset > 0) {
    const hits = fts.map((row) => ({
      documentId: String(row.document_id),
      total: Number(row.total),
      snippet: toSegments(String(row.snippet ?? ''), markers),
    }));
    if (hits.length > 0 || (await countPostgres(strapi, queries.query)) > 0) return hits;
  }
  // Nothing matched as words: a fragment, or a word too short for the typo rule. Trigram similarity on title and film
  // title finds close spellings.
  const similar = rawRows(
    await knex.raw(
      `SELECT s.document_id, count(*) OVER () AS total, left(s.content, ${SNIPPET_CHARS}) AS snippet
       FROM review_search s
       WHERE ? <% s.label
       ORDER BY word_similarity(?, s.label) DESC, s.published_at DESC, s.document_id
       LIMIT ? OFFSET ?`,
      [q, q, limit, offset],
    ),
  );
  return similar.map((row) => ({
    documentId: String(row.document_id),
    total: Number(row.total),
    snippet: plainSnippet(row.snippet),
  }));
};

const countPostgres = async (strapi: Core.Strapi, query: { sql: string; bindings: unknown[] }) => {
  const [row] = rawRows(
    await strapi.db.connection.raw(
      `SELECT count(*) AS total FROM review_search WHERE document @@ (${query.sql})`,
      query.bindings,
    ),
  );
  return Number(row?.total ?? 0);
};

/**
 * SQLite: adds a text's words to review_search_words, split as FTS5's unicode61 tokenizer splits them (on
 * PostgreSQL a trigger does this; the migration 2026.12.06T00.00.00.search-typo-words.js fills both for rows indexed
 * before it).
 */
const insertWordsSqlite = async (knex: Connection, text: string) => {
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter(
    (word) => word.length >= 3 && word.length <= 40,
  );
  for (let i = 0; i < words.length; i += 500) {
    const chunk = words.slice(i, i + 500);
    await knex.raw(
      `INSERT OR IGNORE INTO review_search_words (word) VALUES ${chunk.map(() => '(?)').join(', ')}`,
      chunk,
    );
  }
};

/** SQLite's spellings: the indexed words (review_search_words, unstemmed as on PostgreSQL) within the typo budget. */
const fixesSqlite = async (
  knex: Connection,
  words: { word: string; budget: number }[],
): Promise<Map<string, string[]>> => {
  const fixes = new Map<string, string[]>();
  for (const { word, budget } of words) {
    if (budget === 0) continue;
    const length = [...word].length;
    const candidates = rawRows(
      await knex.raw('SELECT word FROM review_search_words WHERE length(word) BETWEEN ? AND ?', [
        length - budget,
        length + budget,
      ]),
    ).map((row) => String(row.word));
    const close = candidates
      .filter((candidate) => candidate !== word)
      .map((candidate) => ({ candidate, distance: levenshtein(word, candidate) }))
      .filter(({ distance }) => distance <= budget)
      .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
      .slice(0, FIXES_PER_WORD)
      .map(({ candidate }) => candidate);
    if (close.length > 0) fixes.set(word, close);
  }
  return fixes;
};

const rankSqlite = async (strapi: Core.Strapi, q: string, limit: number, offset: number): Promise<Ranked[]> => {
  const knex = strapi.db.connection;
  const words = ftsWords(q);
  const markers = newMarkers();
  if (words.length > 0) {
    const exact = words.map((word) => `"${word}"`).join(' ');
    const fixes = await fixesSqlite(knex, typoWords(q));
    const match = words
      .map((word) => [word, ...(fixes.get(word.toLowerCase()) ?? [])].map((spelling) => `"${spelling}"`).join(' OR '))
      .map((spellings) => `(${spellings})`)
      .join(' AND ');
    // bm25 weights follow the PostgreSQL ones: title, film, excerpt, body. Matches as written come first.
    const rows = rawRows(
      await knex.raw(
        // FTS5's bm25() cannot share a query with a window function: the total is a subquery.
        `SELECT document_id, (SELECT count(*) FROM review_search WHERE review_search MATCH ?) AS total,
                snippet(review_search, -1, ?, ?, ' … ', 24) AS snippet
         FROM review_search WHERE review_search MATCH ?
         ORDER BY document_id IN (SELECT document_id FROM review_search WHERE review_search MATCH ?) DESC,
                  bm25(review_search, 0, 10.0, 4.0, 2.0, 1.0), document_id
         LIMIT ? OFFSET ?`,
        [match, markers.start, markers.stop, match, exact, limit, offset],
      ),
    );
    if (rows.length > 0) {
      return rows.map((row) => ({
        documentId: String(row.document_id),
        total: Number(row.total),
        snippet: toSegments(String(row.snippet ?? ''), markers),
      }));
    }
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = rawRows(
    await knex.raw(
      `SELECT document_id, count(*) OVER () AS total, substr(coalesce(excerpt, ''), 1, ${SNIPPET_CHARS}) AS snippet
       FROM review_search WHERE title LIKE ? ESCAPE '\\' OR film LIKE ? ESCAPE '\\'
       ORDER BY title, document_id LIMIT ? OFFSET ?`,
      [like, like, limit, offset],
    ),
  );
  return rows.map((row) => ({
    documentId: String(row.document_id),
    total: Number(row.total),
    snippet: plainSnippet(row.snippet),
  }));
};

interface ReviewRow {
  documentId: string;
  slug: string;
  title: string;
  excerpt?: string | null;
  film?: { title: string; year?: number | null } | null;
  cover?: Record<string, unknown> | null;
}

const reviewRowSchema = z.object({
  documentId: z.string(),
  slug: z.string(),
  title: z.string(),
  excerpt: z.string().nullish(),
  film: z.object({ title: z.string(), year: z.number().nullish() }).nullish(),
  cover: z.record(z.string(), z.unknown()).nullish(),
});

/** Search and its index: `search` answers GET /api/search, `refresh` keeps the index in step with what is published. */
export const searchService = (strapi: Core.Strapi) => ({
  async search(q: string, page: number, pageSize: number): Promise<SearchAnswer> {
    const offset = (page - 1) * pageSize;
    const ranked = isPostgres(strapi)
      ? await rankPostgres(strapi, q, pageSize, offset)
      : await rankSqlite(strapi, q, pageSize, offset);
    const ids = ranked.map(({ documentId }) => documentId);
    // Read back through the document service, published only, with the review list's cover fields (media in
    // utils/default-populate.ts): a
    // stale index row can never reveal a draft, and no private field is in reach.
    const found =
      ids.length === 0
        ? []
        : await strapi.documents(REVIEW).findMany({
            filters: { documentId: { $in: ids } },
            status: 'published',
            fields: ['slug', 'title', 'excerpt'],
            populate: {
              film: { fields: ['title', 'year'] },
              cover: { fields: ['url', 'alternativeText', 'width', 'height', 'mime', 'formats'] },
            },
            limit: ids.length,
          });
    const byId = new Map<string, ReviewRow>(
      found.map((row) => {
        const review = reviewRowSchema.parse(row);
        return [review.documentId, review];
      }),
    );
    const data = ranked.flatMap(({ documentId, snippet }): SearchHit[] => {
      const review = byId.get(documentId);
      if (!review) return [];
      return [
        {
          documentId,
          slug: review.slug,
          title: review.title,
          excerpt: review.excerpt ?? null,
          film: review.film ? { title: review.film.title, year: review.film.year ?? null } : null,
          cover: review.cover ?? null,
          snippet,
        },
      ];
    });
    const total =
      ranked[0]?.total ??
      (page > 1 && isPostgres(strapi)
        ? await countPostgres(strapi, { sql: `websearch_to_tsquery('english', ?)`, bindings: [q] })
        : 0);
    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /** Rebuilds the index rows of these review documents from their published versions (none if unpublished). */
  async refresh(documentIds: string[]) {
    if (documentIds.length === 0) return;
    // Inside the write's own transaction when there is one (a publish from the admin runs in one): SQLite has one
    // connection, so a query on another would wait for it until the pool times out, and PostgreSQL's other
    // connection would not see the rows being published yet.
    await strapi.db.transaction(async ({ trx }) => this.refreshWith(trx, documentIds));
  },

  async refreshWith(knex: Connection, documentIds: string[]) {
    if (isPostgres(strapi)) {
      await knex.raw('SELECT marquee_refresh_review_search(?::varchar[])', [documentIds]);
      return;
    }
    for (const documentId of documentIds) {
      await knex('review_search').where({ document_id: documentId }).delete();
      const row = await strapi.db.query(REVIEW).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        populate: { film: { select: ['title', 'originalTitle'] }, sections: true },
      });
      if (!row) continue;
      const sections = z
        .array(z.object({ heading: z.string().nullish(), body: z.unknown(), spoiler: z.boolean().nullish() }))
        .parse(row.sections ?? []);
      const indexed = {
        document_id: documentId,
        title: String(row.title ?? ''),
        film: [row.film?.title, row.film?.originalTitle].filter(Boolean).join(' '),
        excerpt: String(row.excerpt ?? ''),
        // Spoiler sections stay out: a snippet would show them to a reader who has not asked to see them.
        body: [
          ...sections
            .filter((section) => !section.spoiler)
            .map((section) => [section.heading ?? '', blocksText(section.body)].join(' ')),
          String(row.verdict ?? ''),
        ].join(' '),
      };
      await knex('review_search').insert(indexed);
      // PostgreSQL's words come from a trigger; SQLite's from here.
      await insertWordsSqlite(knex, [indexed.title, indexed.film, indexed.excerpt, indexed.body].join(' '));
    }
  },

  /** The review documents that show this film (their index rows carry its title). */
  async reviewsOfFilm(filmDocumentId: string): Promise<string[]> {
    const rows = await strapi.db
      .query(REVIEW)
      .findMany({ where: { film: { documentId: filmDocumentId } }, select: ['documentId'] });
    return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
  },
});

export default ({ strapi }: { strapi: Core.Strapi }) => searchService(strapi);
