import { MAX_DEPTH, cleanText } from '../../api/comment/domain/rules';
import { blocksPlainText, htmlToBlocks, htmlToPlainText, type Block, type FaqEntry } from './html';
import type { WxrChannel, WxrComment, WxrItem } from './wxr';

export const LIMITS = {
  title: 160,
  heading: 120,
  excerpt: 400,
  question: 300,
  commentBody: 5000,
  authorName: 100,
  website: 200,
  slug: 180,
};
/** Where a comment without an address is filed: the schema requires one, and .invalid can never receive mail. */
export const NO_EMAIL = 'unknown@example.invalid';

export type ItemKind = 'review' | 'page' | 'attachment' | 'menu-item' | 'trash' | 'other';

export interface SectionPlan {
  heading: string;
  body: Block[];
}

export type CommentStatus = 'approved' | 'pending' | 'spam';

export interface CommentPlan {
  wpId: string;
  /** The WordPress id of the comment it answers, moved up the thread so it sits at most MAX_DEPTH deep */
  parentWpId: string | null;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  moderationStatus: CommentStatus;
  isStaff: boolean;
  ip: string | null;
  createdAt: string | null;
}

export interface ReviewPlan {
  wpId: string;
  title: string;
  slug: string;
  excerpt: string | null;
  status: 'published' | 'draft';
  publishAt: string | null;
  firstPublishedAt: string | null;
  authorLogin: string | null;
  genres: { slug: string; name: string }[];
  rating: number | null;
  coverAttachmentId: string | null;
  sections: SectionPlan[];
  faqs: FaqEntry[];
  oldPaths: string[];
  commentsOpen: boolean;
  removed: Record<string, number>;
  warnings: string[];
  comments: CommentPlan[];
  skippedComments: { trash: number; pingback: number };
}

/** "2008-06-16 16:49:29" (GMT) as ISO 8601; WordPress writes zeros for "never" (a draft's date). */
export const wpDate = (value: string): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || match[1] === '0000') return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** WordPress's sanitize_title for a slug, kept to what a Strapi uid accepts (a-z, 0-9 and dashes). */
export const wpSlug = (text: string): string => {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a literal % in the title
  }
  return decoded
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&[a-z0-9#]+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slug)
    .replace(/-+$/, '');
};

const shorten = (text: string, max: number) => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** A rating meta value on a 5-point scale ("4", "3.5", "8/10" as 4); null when there is none or it is off the scale. */
export const parseRating = (value: string | undefined): { rating: number | null; problem: string | null } => {
  const text = (value ?? '').trim();
  if (text === '') return { rating: null, problem: null };
  const fraction = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+)$/.exec(text);
  const number = fraction
    ? (Number(fraction[1]?.replace(',', '.')) / Number(fraction[2])) * 5
    : Number(text.replace(',', '.'));
  if (!Number.isFinite(number) || number < 1 || number > 5)
    return { rating: null, problem: `rating "${text}" is not on the 1-5 scale` };
  return { rating: Math.round(number * 10) / 10, problem: null };
};

export const itemKind = (item: WxrItem): ItemKind => {
  if (item.status === 'trash') return 'trash';
  if (item.postType === 'post') return 'review';
  if (item.postType === 'page') return 'page';
  if (item.postType === 'attachment') return 'attachment';
  if (item.postType === 'nav_menu_item') return 'menu-item';
  return 'other';
};

/** The paths a post answered on in WordPress: its permalink and /?p=<id>, under the blog's own folder. */
export const oldPaths = (item: WxrItem, channel: WxrChannel): string[] => {
  const paths = new Set<string>();
  const base = (() => {
    try {
      return new URL(channel.link).pathname.replace(/\/+$/, '');
    } catch {
      return '';
    }
  })();
  try {
    const url = new URL(item.link, channel.link || 'http://localhost');
    const path = `${url.pathname}${url.search}`;
    if (path !== '/' && path !== `${base}/`) paths.add(path);
  } catch {
    // a link that is no URL leaves only /?p=
  }
  if (/^\d+$/.test(item.postId)) paths.add(`${base}/?p=${item.postId}`);
  return [...paths];
};

const FAQ_HEADING = /^(faqs?|frequently asked questions)\b/i;
const headingText = (block: Block) => (block.type === 'heading' ? blocksPlainText([block]) : '');

/**
 * Splits a body at its h2 headings into sections; text before the first heading becomes a first section headed by
 * the review's title. A section headed like an FAQ becomes questions (its h3/h4) and answers (what follows each).
 */
export const splitSections = (
  blocks: Block[],
  title: string,
  warnings: string[],
): { sections: SectionPlan[]; faqs: FaqEntry[] } => {
  const groups: { heading: string | null; body: Block[] }[] = [];
  let current: { heading: string | null; body: Block[] } = { heading: null, body: [] };
  for (const block of blocks) {
    if (block.type === 'heading' && block.level <= 2) {
      if (current.heading !== null || current.body.length > 0) groups.push(current);
      current = { heading: headingText(block), body: [] };
    } else current.body.push(block);
  }
  if (current.heading !== null || current.body.length > 0) groups.push(current);

  const sections: SectionPlan[] = [];
  const faqs: FaqEntry[] = [];
  for (const group of groups) {
    if (group.heading !== null && FAQ_HEADING.test(group.heading)) {
      const found: FaqEntry[] = [];
      for (const block of group.body) {
        if (block.type === 'heading') found.push({ question: headingText(block), answer: [] });
        else found[found.length - 1]?.answer.push(block);
      }
      if (found.length > 0) {
        faqs.push(...found);
        continue;
      }
    }
    let heading = group.heading ?? title;
    if (heading.length > LIMITS.heading) {
      warnings.push(`a section heading was shortened to ${LIMITS.heading} characters`);
      heading = shorten(heading, LIMITS.heading);
    }
    sections.push({
      heading: heading || title,
      body: group.body.length > 0 ? group.body : [{ type: 'paragraph', children: [{ type: 'text', text: '' }] }],
    });
  }
  return { sections, faqs };
};

const commentStatus = (approved: string): CommentStatus | 'trash' => {
  if (approved === '1' || approved === 'approve') return 'approved';
  if (approved === '0' || approved === 'hold') return 'pending';
  if (approved === 'spam') return 'spam';
  return 'trash';
};

const website = (value: string): string | null => {
  const text = cleanText(value, false);
  if (text === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname.includes('.') &&
      url.toString().length <= LIMITS.website
    ) {
      return url.toString();
    }
  } catch {
    // not a web address
  }
  return null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A post's comments as Marquee stores them: pingbacks, trackbacks and trashed comments left out (counted), bodies as
 * plain text, replies below MAX_DEPTH moved up to the deepest allowed ancestor, parents before their replies.
 */
export const planComments = (comments: WxrComment[], warnings: string[]) => {
  const skipped = { trash: 0, pingback: 0 };
  const kept = new Map<string, WxrComment & { status: CommentStatus }>();
  for (const comment of comments) {
    if (comment.type === 'pingback' || comment.type === 'trackback') {
      skipped.pingback += 1;
      continue;
    }
    const status = commentStatus(comment.approved);
    if (status === 'trash') {
      skipped.trash += 1;
      continue;
    }
    kept.set(comment.id, { ...comment, status });
  }
  // The nearest kept ancestor: a reply to a trashed comment joins the thread above it.
  const parentOf = (comment: WxrComment): string | null => {
    let parent = comment.parent;
    const seen = new Set<string>();
    while (parent && parent !== '0' && !seen.has(parent)) {
      seen.add(parent);
      if (kept.has(parent)) return parent;
      const skippedParent = comments.find((c) => c.id === parent);
      parent = skippedParent?.parent ?? '0';
    }
    return null;
  };
  const chain = new Map<string, string[]>();
  const ancestry = (id: string, seen = new Set<string>()): string[] => {
    const known = chain.get(id);
    if (known) return known;
    const comment = kept.get(id);
    const parent = comment ? parentOf(comment) : null;
    const list = parent && !seen.has(parent) ? [...ancestry(parent, seen.add(id)), parent] : [];
    chain.set(id, list);
    return list;
  };
  const plans: (CommentPlan & { depth: number; order: number })[] = [];
  for (const comment of kept.values()) {
    const ancestors = ancestry(comment.id);
    // At most MAX_DEPTH - 1 ancestors: the parent is the deepest one allowed.
    const allowed = ancestors.slice(0, MAX_DEPTH - 1);
    const parentWpId = allowed[allowed.length - 1] ?? null;
    let body = cleanText(htmlToPlainText(comment.content), true);
    if (body.length > LIMITS.commentBody) {
      warnings.push(`comment ${comment.id} was shortened to ${LIMITS.commentBody} characters`);
      body = body.slice(0, LIMITS.commentBody - 1).trimEnd() + '…';
    }
    if (body === '') body = '…';
    const email = cleanText(comment.email, false).toLowerCase();
    plans.push({
      wpId: comment.id,
      parentWpId,
      authorName: shorten(cleanText(htmlToPlainText(comment.author), false), LIMITS.authorName) || 'Anonymous',
      authorEmail: EMAIL.test(email) && email.length <= 254 ? email : NO_EMAIL,
      authorWebsite: website(comment.url),
      body,
      moderationStatus: comment.status,
      isStaff: comment.userId !== '' && comment.userId !== '0',
      ip: comment.ip.trim() === '' ? null : comment.ip.trim(),
      createdAt: wpDate(comment.dateGmt) ?? wpDate(comment.date),
      depth: allowed.length,
      order: Number(comment.id) || 0,
    });
  }
  plans.sort((a, b) => a.depth - b.depth || a.order - b.order);
  return { comments: plans.map(({ depth: _depth, order: _order, ...plan }) => plan), skipped };
};

/** One WordPress post as the review, FAQs, old paths and comments Marquee will hold. */
export const planReview = (item: WxrItem, channel: WxrChannel, options: { ratingMeta: string }): ReviewPlan => {
  const warnings: string[] = [];
  let title = cleanText(htmlToPlainText(item.title), false);
  if (title === '') {
    title = `Untitled (${item.postId})`;
    warnings.push('the post has no title');
  }
  if (title.length > LIMITS.title) {
    warnings.push(`the title was shortened to ${LIMITS.title} characters`);
    title = shorten(title, LIMITS.title);
  }
  let slug = wpSlug(item.postName) || wpSlug(title);
  if (slug === '') {
    slug = `post-${item.postId}`;
    warnings.push(`no Latin slug could be made; it is ${slug}`);
  }

  const body = htmlToBlocks(item.content);
  const { sections, faqs } = splitSections(body.blocks, title, warnings);
  const allFaqs = [...faqs, ...body.faqs].map((faq) => ({
    question: shorten(faq.question, LIMITS.question),
    answer: faq.answer,
  }));

  const excerptSource = cleanText(htmlToPlainText(item.excerpt), false) || blocksPlainText(sections[0]?.body ?? []);
  const excerpt = excerptSource === '' ? null : shorten(excerptSource, LIMITS.excerpt);

  let status: ReviewPlan['status'] = item.status === 'publish' ? 'published' : 'draft';
  if (item.password !== '' && status === 'published') {
    status = 'draft';
    warnings.push('the post was password-protected in WordPress: imported as a draft');
  }
  const dateGmt = wpDate(item.postDateGmt) ?? wpDate(item.postDate);
  const publishAt = item.status === 'future' ? dateGmt : null;

  const { rating, problem } = parseRating(item.meta.get(options.ratingMeta));
  if (problem) warnings.push(problem);

  const thumbnail = item.meta.get('_thumbnail_id')?.trim();
  const { comments, skipped } = planComments(item.comments, warnings);
  for (const [kind, count] of Object.entries(body.removed)) warnings.push(`${count} ${kind} left out of the body`);

  return {
    wpId: item.postId,
    title,
    slug,
    excerpt,
    status,
    publishAt,
    firstPublishedAt: status === 'published' ? dateGmt : null,
    authorLogin: item.creator || null,
    genres: item.categories
      .filter((category) => category.domain === 'category')
      .map((category) => ({
        slug: wpSlug(category.nicename) || wpSlug(category.name),
        name: cleanText(category.name, false),
      }))
      .filter((genre) => genre.slug !== '' && genre.name !== '' && genre.slug !== 'uncategorized'),
    rating,
    coverAttachmentId: thumbnail && /^\d+$/.test(thumbnail) ? thumbnail : null,
    sections,
    faqs: allFaqs,
    oldPaths: oldPaths(item, channel),
    commentsOpen: item.commentStatus !== 'closed',
    removed: body.removed,
    warnings,
    comments,
    skippedComments: skipped,
  };
};
