import { diffWords } from 'diff';
import { blocksText } from '../../search/services/search';

/** A review as one save left it: its fields, sections and FAQs whole, relations by document id. */
export interface Snapshot {
  title: string;
  slug: string;
  excerpt: string;
  rating: number | null;
  bestRating: number | null;
  worstRating: number | null;
  verdict: string;
  commentsOpen: boolean;
  publishAt: string | null;
  unpublishAt: string | null;
  cover: { id: number; name: string } | null;
  film: { documentId: string; title: string } | null;
  author: { documentId: string; name: string } | null;
  genres: { documentId: string; name: string }[];
  sections: { heading: string; body: unknown; spoiler: boolean }[];
  faqs: { documentId: string; question: string; answer: unknown; order: number }[];
  seo: { metaTitle: string | null; metaDescription: string | null; canonicalURL: string | null } | null;
}

type Row = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
const iso = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);
const row = (value: unknown): Row | null => (typeof value === 'object' && value !== null ? (value as Row) : null);
const rows = (value: unknown): Row[] =>
  Array.isArray(value) ? value.map(row).filter((item): item is Row => item !== null) : [];

/** The snapshot of a review's draft as the document service returns it with SNAPSHOT_POPULATE. */
export const toSnapshot = (review: Row): Snapshot => {
  const cover = row(review.cover);
  const film = row(review.film);
  const author = row(review.author);
  const seo = row(review.seo);
  return {
    title: str(review.title),
    slug: str(review.slug),
    excerpt: str(review.excerpt),
    rating: num(review.rating),
    bestRating: num(review.bestRating),
    worstRating: num(review.worstRating),
    verdict: str(review.verdict),
    commentsOpen: review.commentsOpen !== false,
    publishAt: iso(review.publishAt),
    unpublishAt: iso(review.unpublishAt),
    cover: cover ? { id: Number(cover.id), name: str(cover.name) } : null,
    film: film ? { documentId: str(film.documentId), title: str(film.title) } : null,
    author: author ? { documentId: str(author.documentId), name: str(author.name) } : null,
    genres: rows(review.genres).map((genre) => ({ documentId: str(genre.documentId), name: str(genre.name) })),
    sections: rows(review.sections).map((section) => ({
      heading: str(section.heading),
      body: section.body ?? [],
      spoiler: section.spoiler === true,
    })),
    faqs: rows(review.faqs)
      .map((faq) => ({
        documentId: str(faq.documentId),
        question: str(faq.question),
        answer: faq.answer ?? [],
        order: Number(faq.order ?? 0),
      }))
      .sort((a, b) => a.order - b.order),
    seo: seo
      ? {
          metaTitle: str(seo.metaTitle) || null,
          metaDescription: str(seo.metaDescription) || null,
          canonicalURL: str(seo.canonicalURL) || null,
        }
      : null,
  };
};

export const SNAPSHOT_POPULATE = {
  cover: { fields: ['name'] },
  film: { fields: ['title'] },
  author: { fields: ['name'] },
  genres: { fields: ['name'] },
  sections: true,
  faqs: { fields: ['question', 'answer', 'order'] },
  seo: true,
} as const;

/** Each field as a reader or editor compares it: text as text, relations by name, rich text as its words. */
const comparable = (snapshot: Snapshot): Record<string, string> => ({
  title: snapshot.title,
  slug: snapshot.slug,
  excerpt: snapshot.excerpt,
  rating:
    snapshot.rating === null ? '' : `${snapshot.rating} (${snapshot.worstRating ?? 1}-${snapshot.bestRating ?? 5})`,
  verdict: snapshot.verdict,
  commentsOpen: snapshot.commentsOpen ? 'open' : 'closed',
  publishAt: snapshot.publishAt ?? '',
  unpublishAt: snapshot.unpublishAt ?? '',
  cover: snapshot.cover?.name ?? '',
  film: snapshot.film?.title ?? '',
  author: snapshot.author?.name ?? '',
  genres: snapshot.genres.map((genre) => genre.name).join(', '),
  ...Object.fromEntries(
    snapshot.sections.map((section, index) => [
      `sections.${index + 1}`,
      `${section.heading}${section.spoiler ? ' (spoiler)' : ''}\n${blocksText(section.body)}`,
    ]),
  ),
  ...Object.fromEntries(
    snapshot.faqs.map((faq, index) => [`faqs.${index + 1}`, `${faq.question}\n${blocksText(faq.answer)}`]),
  ),
  seo: snapshot.seo
    ? [snapshot.seo.metaTitle, snapshot.seo.metaDescription, snapshot.seo.canonicalURL].filter(Boolean).join(' | ')
    : '',
});

const TEXT_FIELDS = new Set(['title', 'excerpt', 'verdict', 'seo']);
const isText = (field: string) => TEXT_FIELDS.has(field) || field.startsWith('sections.') || field.startsWith('faqs.');

/** The fields whose value differs between two snapshots (the first save of a review changes every field it has). */
export const changedFields = (before: Snapshot | null, after: Snapshot): string[] => {
  const next = comparable(after);
  const previous = before ? comparable(before) : {};
  const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  const changed = fields.filter((field) => (previous[field] ?? '') !== (next[field] ?? ''));
  // Sections and FAQs are reported once each, as the editor thinks of them.
  return [...new Set(changed.map((field) => field.replace(/\.\d+$/, '')))];
};

export interface FieldDiff {
  field: string;
  /** Text and rich text: words kept, removed and added. Values (relations, numbers, dates): before and after. */
  kind: 'words' | 'value';
  parts: { value: string; added: boolean; removed: boolean }[];
  before: string;
  after: string;
}

/** A side-by-side diff of two snapshots, field by field, only the fields that differ. */
export const diffSnapshots = (before: Snapshot, after: Snapshot): FieldDiff[] => {
  const left = comparable(before);
  const right = comparable(after);
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields
    .filter((field) => (left[field] ?? '') !== (right[field] ?? ''))
    .map((field) => {
      const a = left[field] ?? '';
      const b = right[field] ?? '';
      return {
        field,
        kind: isText(field) ? ('words' as const) : ('value' as const),
        parts: isText(field)
          ? diffWords(a, b).map((part) => ({
              value: part.value,
              added: part.added === true,
              removed: part.removed === true,
            }))
          : [],
        before: a,
        after: b,
      };
    });
};
