import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../../config/marquee';
import { hashIp } from '../../api/comment/domain/rules';
import { VISIBLE } from '../../api/comment/domain/visible';
import { indexNewComments } from '../../api/comment/services/thread-index';
import { withoutMail } from '../../mail';
import { withoutNotices } from '../../revalidation/notifier';
import type { Block, ImageRef } from './html';
import { itemKind, planReview, wpSlug, type CommentPlan, type ReviewPlan } from './map';
import { readWxr, type WxrAuthor, type WxrChannel } from './wxr';
import { asSystem } from '../../api/newsroom/domain/actor';
import { normalizePath } from '../../api/redirect/domain/paths';
import { internals, tableMetadata } from '../../strapi/internals';

const REVIEW = 'api::review.review';
const COMMENT = 'api::comment.comment';
const FAQ = 'api::faq.faq';
const AUTHOR = 'api::author.author';
const GENRE = 'api::genre.genre';
const REDIRECT = 'api::redirect.redirect';
const RECORD = 'api::import-record.import-record';
const FILE = 'plugin::upload.file';

export interface ImportOptions {
  file: string;
  /** A copy of the site's wp-content/uploads folder, where covers and body images are read from. */
  uploads: string | null;
  /** The post meta key that holds the critic's rating on a 5-point scale. */
  ratingMeta: string;
  dryRun: boolean;
  /** Progress lines while it runs. */
  log?: (line: string) => void;
}

export interface Tally {
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
}

export const KINDS = ['reviews', 'comments', 'faqs', 'authors', 'genres', 'images', 'redirects'] as const;
export type Kind = (typeof KINDS)[number];

export interface ImportReport {
  dryRun: boolean;
  site: string;
  counts: Record<Kind, Tally>;
  /** Items and comments that are not reviews or comments in Marquee, by kind. */
  notImported: Record<string, number>;
  /** Markup left out of bodies, by kind (script, iframe, style, shortcode...). */
  removed: Record<string, number>;
  warnings: { title: string; message: string }[];
  /** Warnings beyond the first MAX_WARNINGS, counted only. */
  moreWarnings: number;
  /** Titles of the reviews imported without a critic's rating. */
  withoutRating: string[];
}

interface Attachment {
  file: string;
  url: string;
  alt: string;
}

interface FileRow {
  id: number;
  name: string;
  alternativeText: string | null;
  caption: string | null;
  url: string;
  width: number | null;
  height: number | null;
  hash: string;
  ext: string | null;
  mime: string;
  size: number;
  provider: string;
  createdAt: string;
  updatedAt: string;
}

interface RecordRow {
  id: number;
  targetDocumentId: string | null;
  targetId: number | null;
  checksum: string | null;
}

type LinkTable = NonNullable<ReturnType<typeof tableMetadata>['attributes'][string]['joinTable']>;

/** A comment new to Marquee, with the document id it is written under. */
interface FreshComment {
  comment: CommentPlan;
  key: string;
  sum: string;
  /** Whether an import record names it already (its comment was deleted since). */
  recorded: boolean;
  data: CommentData & { documentId: string };
}

/** A comment as the importer writes it (document ids for its review and parent). */
interface CommentData {
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  moderationStatus: CommentPlan['moderationStatus'];
  isStaff: boolean;
  review: string;
  parent: string | null;
  ipHash: string | null;
  createdAt?: string;
}

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

const MAX_WARNINGS = 2000;
/** Posts written at once on PostgreSQL. */
const POSTGRES_POSTS_AT_ONCE = 4;
/** The warnings of the post being written, added to the report in file order once the posts before it are done. */
const postWarnings = new AsyncLocalStorage<{ title: string; message: string }[]>();
/** Rows per insert: well under SQLite's and PostgreSQL's limits on bound values. */
const COMMENT_BATCH = 200;
const LINK_BATCH = 500;
const NOT_REVIEWS: Partial<Record<string, string>> = {
  page: 'pages',
  'menu-item': 'menu items',
  trash: 'trashed posts',
};

const checksum = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const emptyTally = (): Tally => ({ imported: 0, updated: 0, skipped: 0, failed: 0 });

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Where a WordPress upload URL's file sits inside wp-content/uploads, or null when it is not an upload. */
export const uploadPathOf = (url: string): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return null;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const marker = '/wp-content/uploads/';
  const at = pathname.indexOf(marker);
  if (at >= 0) return pathname.slice(at + marker.length);
  if (parsed.hostname.endsWith('.files.wordpress.com')) return pathname.replace(/^\/+/, '');
  return null;
};

/** The file inside the uploads folder, trying the original when the body links a resized copy (-300x200). */
const findUpload = (uploads: string, relative: string): string | null => {
  const root = path.resolve(uploads);
  for (const candidate of [relative, relative.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1')]) {
    const full = path.resolve(root, candidate);
    if (!full.startsWith(root + path.sep)) return null;
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return null;
};

export interface WxrScan {
  channel: WxrChannel;
  attachments: Map<string, Attachment>;
  items: number;
}

/**
 * Reads the whole file once, before anything is written: a broken or foreign file is refused here. Keeps what the
 * posts need from elsewhere in the file (attachments, for covers), a few hundred bytes each.
 * @throws WxrError
 */
export const scanWxr = async (file: string): Promise<WxrScan> => {
  const attachments = new Map<string, Attachment>();
  let channel: WxrChannel = { title: '', link: '', version: '' };
  let items = 0;
  for await (const entry of readWxr(file)) {
    if (entry.kind === 'channel') channel = entry.channel;
    if (entry.kind !== 'item') continue;
    items += 1;
    const { item } = entry;
    if (item.postType === 'attachment') {
      attachments.set(item.postId, {
        file: item.meta.get('_wp_attached_file')?.trim() ?? '',
        url: item.attachmentUrl,
        alt: item.meta.get('_wp_attachment_image_alt')?.trim() ?? '',
      });
    }
  }
  return { channel, attachments, items };
};

/**
 * Imports a WordPress export (WXR) into Marquee through Strapi's document service, so that every rule, index and
 * change notice of the CMS runs as for an editor's save. The file is read twice: once whole to refuse a broken or
 * foreign file before anything is written (and to learn its attachments), then again to write, one post at a time.
 * @throws WxrError when the file is not well-formed XML or not a WordPress export; nothing is written then.
 */
/** Imports an export; revisions and the newsroom's activity log name the import as who saved. */
export const importWordpress = (
  strapi: Core.Strapi,
  options: ImportOptions,
  scanned?: WxrScan,
): Promise<ImportReport> => asSystem('WordPress import', () => runImport(strapi, options, scanned));

const runImport = async (strapi: Core.Strapi, options: ImportOptions, scanned?: WxrScan): Promise<ImportReport> => {
  const log = options.log ?? (() => {});
  const dry = options.dryRun;
  const { channel, attachments, items } = scanned ?? (await scanWxr(options.file));
  log(
    `${path.basename(options.file)}: WXR ${channel.version}, ${items} items; ${dry ? 'dry run, nothing is written' : 'importing'}`,
  );

  const site = (() => {
    try {
      const url = new URL(channel.link);
      return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      return channel.link || 'wordpress';
    }
  })();
  const report: ImportReport = {
    dryRun: dry,
    site,
    counts: {
      reviews: emptyTally(),
      comments: emptyTally(),
      faqs: emptyTally(),
      authors: emptyTally(),
      genres: emptyTally(),
      images: emptyTally(),
      redirects: emptyTally(),
    },
    notImported: {},
    removed: {},
    warnings: [],
    moreWarnings: 0,
    withoutRating: [],
  };
  const tally = (kind: Kind, outcome: keyof Tally) => {
    report.counts[kind][outcome] += 1;
  };
  const notImported = (kind: string, count = 1) => {
    if (count > 0) report.notImported[kind] = (report.notImported[kind] ?? 0) + count;
  };
  // Bounded like everything else: a huge export keeps its first warnings and counts the rest.
  const warn = (title: string, text: string) => {
    const buffer = postWarnings.getStore();
    if (buffer) {
      buffer.push({ title, message: text });
      return;
    }
    if (report.warnings.length < MAX_WARNINGS) report.warnings.push({ title, message: text });
    else report.moreWarnings += 1;
  };

  const { ipHashSecret } = strapi.config.get<MarqueeConfig>('marquee');
  const siteKey = site.length > 120 ? checksum(site).slice(0, 40) : site;
  const keyOf = (kind: string, id: string) => `wordpress:${siteKey}:${kind}:${id}`;
  let fakeIds = 0;
  const fakeDocumentId = () => `dry-run-${++fakeIds}`;

  const records = {
    get: async (key: string): Promise<RecordRow | null> =>
      strapi.db.query(RECORD).findOne({ where: { key }, select: ['id', 'targetDocumentId', 'targetId', 'checksum'] }),
    set: async (key: string, target: { documentId?: string; id?: number }, sum: string | null) => {
      if (dry) return;
      const data = { targetDocumentId: target.documentId ?? null, targetId: target.id ?? null, checksum: sum };
      const existing = await strapi.db.query(RECORD).findOne({ where: { key }, select: ['id'] });
      if (existing) await strapi.db.query(RECORD).update({ where: { id: existing.id }, data });
      else await strapi.db.query(RECORD).create({ data: { key, ...data } });
    },
    remove: async (key: string) => {
      if (!dry) await strapi.db.query(RECORD).delete({ where: { key } });
    },
  };

  /** A document this import wrote earlier, if it still exists (an editor may have deleted it since). */
  const recorded = async (
    uid: 'api::review.review' | 'api::comment.comment' | 'api::faq.faq' | 'api::author.author' | 'api::genre.genre',
    key: string,
  ) => {
    const record = await records.get(key);
    if (!record?.targetDocumentId) return null;
    if (record.targetDocumentId.startsWith('dry-run-')) return null;
    const row = await strapi.db
      .query(uid)
      .findOne({ where: { documentId: record.targetDocumentId }, select: ['id', 'documentId'] });
    return row ? { documentId: String(row.documentId), checksum: record.checksum } : null;
  };

  // Posts are written a few at a time (below); what they share is looked up and written by one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  // What this run wrote (or, in a dry run, would have written) that a later lookup must see: slugs and names.
  const written = new Map<string, string>();

  /**
   * Records of many keys in two queries: a post's comments are looked up together. `target` is null when the
   * document was deleted since (it is written again).
   */
  const recordedMany = async (uid: 'api::comment.comment', keys: string[]) => {
    const found = new Map<string, { target: string | null; checksum: string | null }>();
    for (let at = 0; at < keys.length; at += 500) {
      const rows: { key: string; targetDocumentId: string | null; checksum: string | null }[] = await strapi.db
        .query(RECORD)
        .findMany({
          where: { key: { $in: keys.slice(at, at + 500) } },
          select: ['key', 'targetDocumentId', 'checksum'],
        });
      const ids = rows.flatMap((row) =>
        row.targetDocumentId && !row.targetDocumentId.startsWith('dry-run-') ? [row.targetDocumentId] : [],
      );
      const alive = new Set<string>(
        ids.length === 0
          ? []
          : (await strapi.db.query(uid).findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] })).map(
              (row: { documentId: string }) => row.documentId,
            ),
      );
      for (const row of rows)
        found.set(row.key, {
          target: row.targetDocumentId && alive.has(row.targetDocumentId) ? row.targetDocumentId : null,
          checksum: row.checksum,
        });
    }
    return found;
  };

  // ---- files -------------------------------------------------------------------------------------------------
  const files = new Map<string, FileRow | null>();
  const upload = async (relative: string, alt: string, caption: string, title: string): Promise<FileRow | null> => {
    const cacheKey = `${relative}\u0000${alt}\u0000${caption}`;
    if (files.has(cacheKey)) return files.get(cacheKey) ?? null;
    const result = await (async (): Promise<FileRow | null> => {
      if (!options.uploads) {
        warn(title, `image ${relative} left out: no --uploads folder was given`);
        return null;
      }
      const full = findUpload(options.uploads, relative);
      const ext = path.extname(full ?? relative).toLowerCase();
      const mime = MIME[ext];
      if (!full || !mime) {
        warn(
          title,
          full
            ? `image ${relative} left out: not a photo format (${ext || 'no extension'})`
            : `image ${relative} not found in the uploads folder: left out`,
        );
        tally('images', 'failed');
        return null;
      }
      const key = keyOf('file', checksum([relative, alt, caption]).slice(0, 40));
      const record = await records.get(key);
      if (record?.targetId) {
        const row: FileRow | null = await strapi.db.query(FILE).findOne({ where: { id: record.targetId } });
        if (row) {
          tally('images', 'skipped');
          return row;
        }
      }
      if (dry) {
        tally('images', 'imported');
        return {
          id: 0,
          name: path.basename(full),
          alternativeText: alt,
          caption,
          url: '',
          width: null,
          height: null,
          hash: '',
          ext,
          mime,
          size: 0,
          provider: 'local',
          createdAt: '',
          updatedAt: '',
        };
      }
      const service = internals(strapi).upload();
      const [uploaded] = await service.upload({
        data: { fileInfo: { name: path.basename(full), alternativeText: alt || null, caption: caption || null } },
        files: { filepath: full, originalFilename: path.basename(full), mimetype: mime, size: statSync(full).size },
      });
      if (!uploaded) throw new Error(`the upload of ${relative} returned nothing`);
      await records.set(key, { id: uploaded.id }, null);
      tally('images', 'imported');
      return strapi.db.query(FILE).findOne({ where: { id: uploaded.id } });
    })().catch((error: unknown) => {
      warn(title, `image ${relative} could not be uploaded: ${message(error)}`);
      tally('images', 'failed');
      return null;
    });
    files.set(cacheKey, result);
    if (files.size > 500) files.delete(files.keys().next().value ?? '');
    return result;
  };

  const imageBlock = (file: FileRow) => ({
    type: 'image' as const,
    image: {
      name: file.name,
      alternativeText: file.alternativeText,
      caption: file.caption,
      url: file.url,
      width: file.width,
      height: file.height,
      hash: file.hash,
      ext: file.ext,
      mime: file.mime,
      size: file.size,
      provider: file.provider,
      createdAt: file.createdAt,
      updatedAt: file.updatedAt,
    },
    children: [{ type: 'text' as const, text: '' }],
  });

  const placeImages = async (blocks: Block[], title: string) => {
    const out: unknown[] = [];
    for (const block of blocks) {
      if (block.type !== 'image-ref') {
        out.push(block);
        continue;
      }
      const file = await bodyImage(block, title);
      if (file) out.push(imageBlock(file));
    }
    return out;
  };

  const bodyImage = async (image: ImageRef, title: string) => {
    const relative = uploadPathOf(image.src);
    if (!relative) {
      warn(title, `image ${image.src} left out: it is not in the site's uploads`);
      tally('images', 'failed');
      return null;
    }
    return upload(relative, image.alt, image.caption, title);
  };

  // ---- authors and genres -------------------------------------------------------------------------------------
  const authors = new Map<string, WxrAuthor>();
  const authorIds = new Map<string, string | null>();
  const authorOf = async (login: string | null, title: string): Promise<string | null> => {
    if (!login) return null;
    if (authorIds.has(login)) return authorIds.get(login) ?? null;
    const key = keyOf('author', login);
    const known = await recorded(AUTHOR, key);
    let documentId: string | null = known?.documentId ?? null;
    try {
      if (documentId) tally('authors', 'skipped');
      else {
        const info = authors.get(login);
        const name = (info?.displayName || login).slice(0, 120);
        const slug = wpSlug(login) || `author-${authorIds.size + 1}`;
        const existing =
          written.get(`author:${slug}`) ??
          (await strapi.db.query(AUTHOR).findOne({ where: { slug }, select: ['documentId'] }))?.documentId;
        if (existing) {
          documentId = String(existing);
          tally('authors', 'skipped');
        } else {
          documentId = dry
            ? fakeDocumentId()
            : (await strapi.documents(AUTHOR).create({ data: { name, slug } })).documentId;
          written.set(`author:${slug}`, documentId);
          tally('authors', 'imported');
        }
        await records.set(key, { documentId }, null);
      }
    } catch (error) {
      warn(title, `author ${login} could not be written: ${message(error)}`);
      tally('authors', 'failed');
      documentId = null;
    }
    authorIds.set(login, documentId);
    return documentId;
  };

  const genreIds = new Map<string, string | null>();
  const genreOf = async (genre: { slug: string; name: string }, title: string): Promise<string | null> => {
    if (genreIds.has(genre.slug)) return genreIds.get(genre.slug) ?? null;
    const key = keyOf('category', genre.slug);
    const known = await recorded(GENRE, key);
    let documentId: string | null = known?.documentId ?? null;
    try {
      if (documentId) tally('genres', 'skipped');
      else {
        const name = genre.name.slice(0, 60);
        const existing =
          written.get(`genre:${genre.slug}`) ??
          written.get(`genre-name:${name.toLowerCase()}`) ??
          (
            await strapi.db
              .query(GENRE)
              .findOne({ where: { $or: [{ slug: genre.slug }, { name }] }, select: ['documentId'] })
          )?.documentId;
        if (existing) {
          documentId = String(existing);
          tally('genres', 'skipped');
        } else {
          documentId = dry
            ? fakeDocumentId()
            : (await strapi.documents(GENRE).create({ data: { name, slug: genre.slug } })).documentId;
          written.set(`genre:${genre.slug}`, documentId);
          written.set(`genre-name:${name.toLowerCase()}`, documentId);
          tally('genres', 'imported');
        }
        await records.set(key, { documentId }, null);
      }
    } catch (error) {
      warn(title, `genre ${genre.name} could not be written: ${message(error)}`);
      tally('genres', 'failed');
      documentId = null;
    }
    genreIds.set(genre.slug, documentId);
    return documentId;
  };

  // ---- reviews ----------------------------------------------------------------------------------------------
  /** The post's slug, or the next free one (-2, -3...) when another review holds it. */
  const freeSlug = async (wanted: string, own: string | null, wpId: string) => {
    for (let n = 1; ; n += 1) {
      const slug = n === 1 ? wanted : `${wanted.slice(0, 170)}-${n}`;
      const holder =
        written.get(`slug:${slug}`) ??
        (await strapi.db.query(REVIEW).findOne({ where: { slug }, select: ['documentId'] }))?.documentId;
      if (!holder || holder === own || holder === `post:${wpId}`) {
        written.set(`slug:${slug}`, own ?? `post:${wpId}`);
        return slug;
      }
    }
  };

  const writeFaqs = async (plan: ReviewPlan, reviewId: string, changed: boolean) => {
    for (const [order, faq] of plan.faqs.entries()) {
      const key = keyOf('faq', `${plan.wpId}:${order}`);
      const known = await recorded(FAQ, key);
      const data = {
        question: faq.question,
        answer: await serially(() =>
          placeImages(
            faq.answer.length > 0 ? faq.answer : [{ type: 'paragraph', children: [{ type: 'text', text: '' }] }],
            plan.title,
          ),
        ),
        order,
        review: reviewId,
      };
      const sum = checksum(data);
      if (known && known.checksum === sum) {
        tally('faqs', 'skipped');
        continue;
      }
      if (!dry) {
        if (known) await strapi.documents(FAQ).update({ documentId: known.documentId, data: data as never });
        const documentId =
          known?.documentId ?? (await strapi.documents(FAQ).create({ data: data as never })).documentId;
        await records.set(key, { documentId }, sum);
      }
      tally('faqs', known ? 'updated' : 'imported');
    }
    // Questions the post no longer has.
    for (let order = plan.faqs.length; changed; order += 1) {
      const key = keyOf('faq', `${plan.wpId}:${order}`);
      const known = await recorded(FAQ, key);
      if (!known) break;
      if (!dry) await strapi.documents(FAQ).delete({ documentId: known.documentId });
      await records.remove(key);
      tally('faqs', 'updated');
    }
  };

  const writeRedirects = async (plan: ReviewPlan, reviewId: string) => {
    for (const oldPath of plan.oldPaths) {
      // Stored as every redirect is (the Redirect type's rules): decoded, no trailing slash, `?p=` kept.
      const fromPath = normalizePath(oldPath);
      if (!fromPath || fromPath === '/') continue;
      // A string column holds 255 characters on PostgreSQL, whatever the schema's maxLength says.
      if (fromPath.length > 255) {
        warn(plan.title, `old path left without a redirect (longer than 255 characters): ${fromPath.slice(0, 80)}…`);
        tally('redirects', 'failed');
        continue;
      }
      const existing: { documentId: string; origin: string; reviewDocumentId: string | null } | null = await strapi.db
        .query(REDIRECT)
        .findOne({ where: { fromPath }, select: ['documentId', 'origin', 'reviewDocumentId'] });
      if (existing && existing.origin !== 'import') {
        warn(plan.title, `${fromPath} already redirects (set by hand): left as it is`);
        tally('redirects', 'skipped');
      } else if (existing?.reviewDocumentId === reviewId) tally('redirects', 'skipped');
      else if (existing) {
        if (!dry)
          await strapi.documents(REDIRECT).update({
            documentId: existing.documentId,
            data: { reviewDocumentId: reviewId, toPath: null, permanent: true } as never,
          });
        tally('redirects', 'updated');
      } else {
        if (!dry)
          await strapi
            .documents(REDIRECT)
            .create({ data: { fromPath, reviewDocumentId: reviewId, permanent: true, origin: 'import' } as never });
        tally('redirects', 'imported');
      }
    }
  };

  /** Comment table and link names, from Strapi's metadata (read once). */
  const commentTables = (() => {
    let names: { documentId: () => string; review: LinkTable; parent: LinkTable } | null = null;
    return () => {
      if (names) return names;
      const meta = tableMetadata(strapi, COMMENT);
      const createId = meta.attributes.documentId?.default;
      const review = meta.attributes.review?.joinTable;
      const parent = meta.attributes.parent?.joinTable;
      if (typeof createId !== 'function' || !review || !parent)
        throw new Error('The comment type is not stored as this importer expects');
      names = { documentId: createId as () => string, review, parent };
      return names;
    };
  })();

  /**
   * Writes a post's new comments in a few statements, in one transaction: their rows (through Strapi's query engine,
   * which applies the type's defaults and timestamps), their links to the review's rows (draft and published, as the
   * document service links them; publishing copies the draft's links) and to their parents, their import records,
   * then their thread rows, the review's thread numbering and stats once (services/thread-index.ts). What the
   * document service's middlewares would do per comment is done once here or not needed: no mail and no change
   * notice per comment (the review's publish tells the web), and the comment counter is kept by its triggers.
   */
  const insertComments = async (reviewId: string, fresh: FreshComment[], parentIds: Map<string, number>) => {
    const tables = commentTables();
    await strapi.db.transaction(async ({ trx }) => {
      const reviewRows: { id: number }[] = await strapi.db
        .query(REVIEW)
        .findMany({ where: { documentId: reviewId }, select: ['id'] });
      const now = new Date();
      const rowIds = new Map<string, number>();
      for (let at = 0; at < fresh.length; at += COMMENT_BATCH) {
        const chunk = fresh.slice(at, at + COMMENT_BATCH);
        await strapi.db.query(COMMENT).createMany({
          // The relations are links, written below.
          data: chunk.map(({ data: { review: _review, parent: _parent, ...row } }) => ({
            ...row,
            createdAt: row.createdAt ?? now,
            updatedAt: now,
            publishedAt: now,
          })),
        });
        const rows: { id: number; documentId: string }[] = await strapi.db.query(COMMENT).findMany({
          where: { documentId: { $in: chunk.map((comment) => comment.data.documentId) } },
          select: ['id', 'documentId'],
        });
        for (const row of rows) rowIds.set(row.documentId, row.id);
      }
      const idOf = (documentId: string) => {
        const id = rowIds.get(documentId) ?? parentIds.get(documentId);
        if (id === undefined) throw new Error(`comment ${documentId} was not written`);
        return id;
      };
      const reviewLinks = fresh.flatMap(({ data }) =>
        reviewRows.map((review) => ({
          [tables.review.joinColumn.name]: idOf(data.documentId),
          [tables.review.inverseJoinColumn.name]: review.id,
        })),
      );
      const parentLinks = fresh.flatMap(({ data }) =>
        data.parent
          ? [
              {
                [tables.parent.joinColumn.name]: idOf(data.documentId),
                [tables.parent.inverseJoinColumn.name]: idOf(data.parent),
              },
            ]
          : [],
      );
      await trx.batchInsert(tables.review.name, reviewLinks, LINK_BATCH);
      await trx.batchInsert(tables.parent.name, parentLinks, LINK_BATCH);
      for (let at = 0; at < fresh.length; at += COMMENT_BATCH) {
        await strapi.db.query(RECORD).createMany({
          data: fresh
            .slice(at, at + COMMENT_BATCH)
            .map(({ key, sum, data }) => ({ key, targetDocumentId: data.documentId, checksum: sum })),
        });
      }
      await indexNewComments(
        strapi,
        trx,
        reviewId,
        fresh.map(({ data }) => ({
          comment_id: idOf(data.documentId),
          review_document_id: reviewId,
          approved: data.moderationStatus === VISIBLE.moderationStatus ? 1 : 0,
          root: data.parent ? 0 : 1,
          created_at: data.createdAt ? new Date(data.createdAt) : now,
        })),
      );
    });
  };

  /**
   * Writes the post's comments; true when any changed (the review is then published again, which tells the web).
   * New comments (all of them on a first import) are written together (insertComments); a comment imported before
   * whose WordPress copy changed is updated through the document service, after them, since its parent may be new.
   */
  const writeComments = async (plan: ReviewPlan, reviewId: string): Promise<boolean> => {
    notImported('pingbacks and trackbacks', plan.skippedComments.pingback);
    notImported('trashed comments', plan.skippedComments.trash);
    const ids = new Map<string, string>();
    let changed = false;
    const known = await recordedMany(
      COMMENT,
      plan.comments.map((comment) => keyOf('comment', comment.wpId)),
    );
    const fresh: FreshComment[] = [];
    const later: { comment: CommentPlan; key: string; sum: string; target: string; data: CommentData }[] = [];
    // Parents that were written by an earlier run: their row ids, for the new replies' links.
    const olderParents = new Set<string>();
    for (const comment of plan.comments) {
      const parent = comment.parentWpId ? (ids.get(comment.parentWpId) ?? null) : null;
      const key = keyOf('comment', comment.wpId);
      const record = known.get(key);
      const sum = checksum({ comment, parent, reviewId });
      if (record?.target && record.checksum === sum) {
        ids.set(comment.wpId, record.target);
        tally('comments', 'skipped');
        continue;
      }
      if (dry) {
        ids.set(comment.wpId, record?.target ?? fakeDocumentId());
        tally('comments', record?.target ? 'updated' : 'imported');
        changed = true;
        continue;
      }
      const data = commentData(comment, reviewId, parent);
      if (record?.target) {
        later.push({ comment, key, sum, target: record.target, data });
        ids.set(comment.wpId, record.target);
        continue;
      }
      const documentId = commentTables().documentId();
      fresh.push({ comment, key, sum, recorded: record !== undefined, data: { ...data, documentId } });
      ids.set(comment.wpId, documentId);
      if (parent && !fresh.some((other) => other.data.documentId === parent)) olderParents.add(parent);
    }

    if (fresh.length > 0) {
      try {
        const parentIds = new Map<string, number>();
        if (olderParents.size > 0) {
          const rows: { id: number; documentId: string }[] = await strapi.db
            .query(COMMENT)
            .findMany({ where: { documentId: { $in: [...olderParents] } }, select: ['id', 'documentId'] });
          for (const row of rows) parentIds.set(row.documentId, row.id);
        }
        // A record left by a comment an editor has deleted since: the comment is written again, its record replaced.
        const stale = fresh.filter((comment) => comment.recorded).map((comment) => comment.key);
        if (stale.length > 0) await strapi.db.query(RECORD).deleteMany({ where: { key: { $in: stale } } });
        await insertComments(reviewId, fresh, parentIds);
        for (const _comment of fresh) tally('comments', 'imported');
        changed = true;
      } catch (error) {
        for (const comment of fresh) {
          warn(plan.title, `comment ${comment.comment.wpId} could not be written: ${message(error)}`);
          tally('comments', 'failed');
        }
      }
    }

    for (const { comment, key, sum, target, data } of later) {
      try {
        const documentId =
          (await strapi.documents(COMMENT).update({ documentId: target, data: data as never }))?.documentId ?? target;
        await records.set(key, { documentId }, sum);
        tally('comments', 'updated');
        changed = true;
      } catch (error) {
        warn(plan.title, `comment ${comment.wpId} could not be written: ${message(error)}`);
        tally('comments', 'failed');
      }
    }
    return changed;
  };

  // Readers come back: an address is hashed once (a bounded cache, emptied when full).
  const ipHashes = new Map<string, string>();
  const ipHashOf = (ip: string) => {
    let hash = ipHashes.get(ip);
    if (hash === undefined) {
      if (ipHashes.size >= 50_000) ipHashes.clear();
      hash = hashIp(ip, ipHashSecret);
      ipHashes.set(ip, hash);
    }
    return hash;
  };

  const commentData = (comment: CommentPlan, reviewId: string, parent: string | null): CommentData => ({
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    authorWebsite: comment.authorWebsite,
    body: comment.body,
    moderationStatus: comment.moderationStatus,
    isStaff: comment.isStaff,
    review: reviewId,
    parent,
    ipHash: comment.ip && ipHashSecret ? ipHashOf(comment.ip) : null,
    ...(comment.createdAt ? { createdAt: comment.createdAt } : {}),
  });

  const writeReview = async (plan: ReviewPlan) => {
    const key = keyOf('post', plan.wpId);
    const known = await recorded(REVIEW, key);
    const cover = plan.coverAttachmentId ? attachments.get(plan.coverAttachmentId) : undefined;
    if (plan.coverAttachmentId && !cover)
      warn(plan.title, `the featured image (attachment ${plan.coverAttachmentId}) is not in the export`);
    const { comments: _comments, warnings: _warnings, ...content } = plan;
    const sum = checksum({ content, cover, uploads: options.uploads !== null });
    const unchanged = known !== null && known.checksum === sum;

    let reviewId: string;
    if (unchanged) {
      reviewId = known.documentId;
      tally('reviews', 'skipped');
    } else {
      // What other posts may share (authors, genres, images, slugs) is looked up and written one post at a time.
      const data = await serially(async () => {
        const coverFile = cover
          ? await upload(cover.file || uploadPathOf(cover.url) || '', cover.alt, '', plan.title)
          : null;
        const authorId = await authorOf(plan.authorLogin, plan.title);
        const genres: string[] = [];
        for (const genre of plan.genres) {
          const id = await genreOf(genre, plan.title);
          if (id) genres.push(id);
        }
        const sections = [];
        for (const section of plan.sections)
          sections.push({
            heading: section.heading,
            body: await placeImages(section.body, plan.title),
            spoiler: false,
          });
        return {
          title: plan.title,
          slug: await freeSlug(plan.slug, known?.documentId ?? null, plan.wpId),
          excerpt: plan.excerpt,
          cover: coverFile && coverFile.id > 0 ? coverFile.id : null,
          author: authorId && !authorId.startsWith('dry-run-') ? authorId : null,
          genres: genres.filter((id) => !id.startsWith('dry-run-')),
          rating: plan.rating,
          bestRating: 5,
          worstRating: 1,
          commentsOpen: plan.commentsOpen,
          sections,
          publishAt: plan.publishAt,
          firstPublishedAt: plan.firstPublishedAt,
        };
      });
      if (data.slug !== plan.slug) warn(plan.title, `the slug ${plan.slug} is taken: imported as ${data.slug}`);
      if (dry) reviewId = known?.documentId ?? fakeDocumentId();
      else if (known) {
        await strapi.documents(REVIEW).update({ documentId: known.documentId, data: data as never });
        reviewId = known.documentId;
      } else reviewId = (await strapi.documents(REVIEW).create({ data: data as never })).documentId;
      tally('reviews', known ? 'updated' : 'imported');
      await writeFaqs(plan, reviewId, true);
    }
    await writeRedirects(plan, reviewId);
    const commentsChanged = await withoutNotices(() => withoutMail(() => writeComments(plan, reviewId)));

    if (!dry) {
      const published = await strapi.db
        .query(REVIEW)
        .findOne({ where: { documentId: reviewId, publishedAt: { $notNull: true } }, select: ['id'] });
      if (plan.status === 'published' && (!unchanged || commentsChanged || !published)) {
        // Its FAQs go out with it (src/document-middlewares/review-publishing.ts), each with its change notice.
        await strapi.documents(REVIEW).publish({ documentId: reviewId });
      } else if (plan.status === 'draft' && published && !unchanged) {
        await strapi.documents(REVIEW).unpublish({ documentId: reviewId });
      }
    }
    await records.set(key, { documentId: reviewId }, sum);
  };

  // ---- the second pass: write, a few posts at a time ---------------------------------------------------------
  // PostgreSQL writes several posts at once (the import waits on the database about half the time otherwise); SQLite
  // has one connection, and writes one post at a time. Each post's warnings are kept aside and added in file order.
  const concurrency = strapi.db.dialect.client === 'postgres' ? POSTGRES_POSTS_AT_ONCE : 1;
  const inFlight = new Set<Promise<void>>();
  let inOrder: Promise<void> = Promise.resolve();
  let done = 0;
  const started = performance.now();
  const writePost = (plan: ReviewPlan) => {
    const buffer: { title: string; message: string }[] = [];
    const written = postWarnings.run(buffer, async () => {
      for (const text of plan.warnings) warn(plan.title, text);
      try {
        await writeReview(plan);
      } catch (error) {
        warn(plan.title, `not imported: ${message(error)}`);
        tally('reviews', 'failed');
      }
    });
    const previous = inOrder;
    const task = (async () => {
      await written;
      await previous;
      for (const warning of buffer) warn(warning.title, warning.message);
      done += 1;
      if (done % 100 === 0) {
        const { comments } = report.counts;
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        const rss = Math.round(process.memoryUsage().rss / 1048576);
        log(
          `${done} posts, ${comments.imported + comments.updated + comments.skipped} comments, ${seconds} s, ${rss} MB resident`,
        );
      }
    })();
    inOrder = task;
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    return task;
  };
  for await (const entry of readWxr(options.file)) {
    if (entry.kind === 'author') authors.set(entry.author.login, entry.author);
    if (entry.kind !== 'item') continue;
    const { item } = entry;
    const kind = itemKind(item);
    if (kind !== 'review') {
      if (kind !== 'attachment') notImported(NOT_REVIEWS[kind] ?? `other items (${item.postType})`);
      if (item.comments.length > 0) notImported('comments on items that are not posts', item.comments.length);
      continue;
    }
    const plan = planReview(item, channel, { ratingMeta: options.ratingMeta });
    for (const [what, count] of Object.entries(plan.removed))
      report.removed[what] = (report.removed[what] ?? 0) + count;
    if (plan.rating === null && report.withoutRating.length < MAX_WARNINGS) report.withoutRating.push(plan.title);
    void writePost(plan);
    // Memory stays bounded: at most `concurrency` posts are held.
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await inOrder;
  notImported('attachments (used only as covers and body images)', attachments.size);
  return report;
};
