import { blocksText } from '../../search/services/search';

/** What the checklist reads of a review's draft. */
export interface ChecklistInput {
  title?: string | null;
  excerpt?: string | null;
  cover?: { alternativeText?: string | null } | null;
  film?: unknown;
  rating?: number | string | null;
  bestRating?: number | null;
  worstRating?: number | null;
  verdict?: string | null;
  sections?: { heading?: string | null; body?: unknown }[] | null;
  faqs?: { question?: string | null; answer?: unknown }[] | null;
}

export interface ChecklistItem {
  /** The field the editor fixes, as the edit view names it. */
  field: string;
  message: string;
}

export interface Checklist {
  /** Each refuses Publish and a scheduled publish. */
  errors: ChecklistItem[];
  /** Shown to the editor; publishing goes ahead. */
  warnings: ChecklistItem[];
  words: number;
  readingMinutes: number;
}

export const EXCERPT_LENGTH = { min: 50, max: 160 } as const;
export const TITLE_LENGTH = { min: 10, max: 70 } as const;
export const MIN_SECTIONS = 3;
const WORDS_PER_MINUTE = 230;

const text = (value: string | null | undefined) => (value ?? '').trim();
const countWords = (value: string) => (value.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;

/**
 * The pre-publish checklist, in the spirit of Yoast: errors refuse publishing and name the field; warnings only
 * show. Pure: the same answer in the edit view, on Publish, for the scheduler and in the newsroom.
 */
export const checklist = (review: ChecklistInput): Checklist => {
  const errors: ChecklistItem[] = [];
  const warnings: ChecklistItem[] = [];
  const title = text(review.title);
  const excerpt = text(review.excerpt);
  const sections = review.sections ?? [];
  const faqs = review.faqs ?? [];

  if (title.length < TITLE_LENGTH.min || title.length > TITLE_LENGTH.max) {
    warnings.push({
      field: 'title',
      message: `The title is ${title.length} characters; ${TITLE_LENGTH.min}-${TITLE_LENGTH.max} reads best in search results.`,
    });
  }
  if (!excerpt) {
    errors.push({
      field: 'excerpt',
      message: 'Write an excerpt: it is the meta description search engines and share cards show.',
    });
  } else if (excerpt.length < EXCERPT_LENGTH.min || excerpt.length > EXCERPT_LENGTH.max) {
    warnings.push({
      field: 'excerpt',
      message: `The excerpt is ${excerpt.length} characters; a meta description reads best at ${EXCERPT_LENGTH.min}-${EXCERPT_LENGTH.max}.`,
    });
  }
  if (!review.cover) {
    errors.push({ field: 'cover', message: 'Add a cover image with its alternative text.' });
  } else if (!text(review.cover.alternativeText)) {
    errors.push({
      field: 'cover',
      message: 'The cover has no alternative text: describe the image for readers who cannot see it.',
    });
  }
  if (!review.film)
    warnings.push({
      field: 'film',
      message: 'Link the film this review is about: its facts box and search depend on it.',
    });

  const best = review.bestRating ?? 5;
  const worst = review.worstRating ?? 1;
  const rating =
    review.rating === null || review.rating === undefined || review.rating === '' ? null : Number(review.rating);
  if (rating === null) {
    warnings.push({ field: 'rating', message: 'No critic’s rating: the page shows no stars.' });
  } else if (!Number.isFinite(rating) || rating < worst || rating > best) {
    errors.push({ field: 'rating', message: `The rating must be between ${worst} and ${best}.` });
  }

  if (sections.length < MIN_SECTIONS) {
    warnings.push({
      field: 'sections',
      message: `${sections.length} section${sections.length === 1 ? '' : 's'}; a full review has at least ${MIN_SECTIONS}.`,
    });
  }
  sections.forEach((section, index) => {
    if (!text(blocksText(section.body))) {
      warnings.push({
        field: 'sections',
        message: `Section ${index + 1} (${text(section.heading) || 'untitled'}) is empty.`,
      });
    }
  });
  if (!text(review.verdict))
    warnings.push({ field: 'verdict', message: 'Write a verdict: readers look for it first.' });
  faqs.forEach((faq, index) => {
    if (!text(blocksText(faq.answer))) {
      errors.push({
        field: 'faqs',
        message: `FAQ ${index + 1} (${text(faq.question) || 'no question'}) has no answer.`,
      });
    }
  });

  const words = countWords(
    [
      title,
      excerpt,
      ...sections.flatMap((section) => [text(section.heading), blocksText(section.body)]),
      text(review.verdict),
    ].join(' '),
  );
  return { errors, warnings, words, readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
};

/** The message that refuses a publish: every error, each naming its field. */
export const refusal = (list: Checklist) =>
  `Not published: ${list.errors.map((item) => `${item.field}: ${item.message}`).join(' ')}`;
