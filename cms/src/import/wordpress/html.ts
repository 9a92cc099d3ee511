import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';

/** Strapi's rich-text ("blocks") leaves. */
export interface TextLeaf {
  type: 'text';
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strikethrough?: true;
  code?: true;
}
export interface LinkLeaf {
  type: 'link';
  url: string;
  children: TextLeaf[];
}
export type Inline = TextLeaf | LinkLeaf;
export interface ListItem {
  type: 'list-item';
  children: Inline[];
}
export interface ListBlock {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: (ListItem | ListBlock)[];
}
/** An image of the body before it is uploaded: where it came from, its alt text and caption. */
export interface ImageRef {
  type: 'image-ref';
  src: string;
  alt: string;
  caption: string;
}
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; children: Inline[] }
  | ListBlock
  | ImageRef;

export interface FaqEntry {
  question: string;
  answer: Block[];
}

export interface ParsedBody {
  blocks: Block[];
  /** Questions from Yoast's or Rank Math's FAQ blocks, taken out of the body. */
  faqs: FaqEntry[];
  /** What was left out as markup, by kind: script, iframe, style, shortcode, unsafe-link... */
  removed: Record<string, number>;
}

type AnyNode = ChildNode;

/** Never content: executable, embedded or interactive markup. Dropped with everything inside, and counted. */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'link',
  'meta',
  'base',
  'head',
  'title',
]);
const MARKS: Record<string, keyof Omit<TextLeaf, 'type' | 'text'>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  cite: 'italic',
  dfn: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
};
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'center',
  'details',
  'summary',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
/** WordPress's own shortcodes and the commonest plugins': recognised even without attributes. */
const KNOWN_SHORTCODES = new Set([
  'caption',
  'wp_caption',
  'gallery',
  'audio',
  'video',
  'playlist',
  'embed',
  'contact-form-7',
  'contact-form',
]);
const SHORTCODE = /\[(\/?)([A-Za-z][\w-]*)((?:\s[^[\]]*)?)\/?\]/g;

const BREAK: unique symbol = Symbol('paragraph break');
type Run = (Inline | typeof BREAK)[];
type Marks = Omit<TextLeaf, 'type' | 'text'>;

export const safeUrl = (href: string): string | null => {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^(\/(?!\/)|#)/.test(trimmed)) return trimmed;
  return null;
};

const hasClass = (element: Element, name: string) => (element.attribs.class ?? '').split(/\s+/).includes(name);

const findByClass = (element: Element, name: string): Element | null => {
  return DomUtils.findOne((node) => hasClass(node, name), element.children, true);
};

/** The text of a node as a reader would read it, whitespace collapsed. */
export const textOf = (nodes: AnyNode[]): string => DomUtils.textContent(nodes).replace(/\s+/g, ' ').trim();

const sameMarks = (a: TextLeaf, b: TextLeaf) =>
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strikethrough === b.strikethrough &&
  a.code === b.code;

/** Joins neighbouring texts with the same marks, trims the paragraph's ends, drops empty leaves. */
const tidy = (inlines: Inline[]): Inline[] => {
  const out: Inline[] = [];
  for (const leaf of inlines) {
    const last = out[out.length - 1];
    if (leaf.type === 'text' && last?.type === 'text' && sameMarks(last, leaf)) last.text += leaf.text;
    else if (leaf.type === 'link') out.push({ ...leaf, children: leaf.children.filter((child) => child.text !== '') });
    else out.push({ ...leaf });
  }
  for (const leaf of out) {
    if (leaf.type === 'text') leaf.text = leaf.text.replace(/ {2,}/g, ' ');
    else for (const child of leaf.children) child.text = child.text.replace(/ {2,}/g, ' ');
  }
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return out.filter((leaf) => (leaf.type === 'text' ? leaf.text !== '' : leaf.children.length > 0));
};

const plain = (inlines: Inline[]) =>
  inlines.map((leaf) => (leaf.type === 'text' ? leaf.text : leaf.children.map((c) => c.text).join(''))).join('');

/**
 * Turns a WordPress post body (block-editor markup with its <!-- wp:... --> comments, or classic markup whose
 * paragraphs are blank lines) into Strapi rich-text blocks. Nothing passes through as markup: what has no block is
 * kept as text or dropped and counted.
 */
export const htmlToBlocks = (html: string): ParsedBody => {
  const document = parseDocument(html, { decodeEntities: true });
  const removed: Record<string, number> = {};
  const count = (kind: string) => {
    removed[kind] = (removed[kind] ?? 0) + 1;
  };
  const faqs: FaqEntry[] = [];

  // A bare [name] is a shortcode when the body also closes it ([name]...[/name]); otherwise it may be prose ("[sic]").
  const closed = new Set<string>();
  for (const node of DomUtils.filter(isText, document.children, true)) {
    if (!isText(node)) continue;
    for (const match of node.data.matchAll(SHORTCODE)) if (match[1] === '/') closed.add((match[2] ?? '').toLowerCase());
  }
  const withoutShortcodes = (text: string) =>
    text.replace(SHORTCODE, (token, slash: string, name: string, attributes: string) => {
      const lower = name.toLowerCase();
      if (slash || attributes.trim() !== '' || KNOWN_SHORTCODES.has(lower) || closed.has(lower)) {
        if (!slash) count('shortcode');
        return '';
      }
      return token;
    });

  const inline = (nodes: AnyNode[], marks: Marks, link: string | null, run: Run, images: ImageRef[]) => {
    for (const node of nodes) {
      if (isText(node)) {
        const parts = withoutShortcodes(node.data).split(/\n[ \t]*\n/);
        parts.forEach((part, index) => {
          if (index > 0) run.push(BREAK);
          const text = part.replace(/\s+/g, ' ');
          if (text === '') return;
          const leaf: TextLeaf = { type: 'text', text, ...marks };
          if (link) run.push({ type: 'link', url: link, children: [leaf] });
          else run.push(leaf);
        });
      } else if (isTag(node)) {
        const name = node.name.toLowerCase();
        if (DROPPED.has(name)) count(name);
        else if (name === 'br') run.push({ type: 'text', text: ' ', ...marks });
        else if (name === 'img') {
          const image = imageOf(node);
          if (image) images.push(image);
        } else if (name === 'a') {
          const href = node.attribs.href;
          const url = href === undefined ? null : safeUrl(href);
          if (href !== undefined && url === null) count('unsafe-link');
          inline(node.children, marks, url ?? link, run, images);
        } else {
          const mark = MARKS[name];
          inline(node.children, mark ? { ...marks, [mark]: true } : marks, link, run, images);
          if (name === 'p' || name === 'div' || name === 'li') run.push(BREAK);
        }
      }
    }
  };

  const imageOf = (element: Element): ImageRef | null => {
    const src = element.attribs.src ?? '';
    if (!/^https?:\/\//i.test(src) && !src.startsWith('/')) {
      if (src !== '') count('unsafe-image');
      return null;
    }
    return { type: 'image-ref', src, alt: (element.attribs.alt ?? '').trim(), caption: '' };
  };

  /** A paragraph run split at its blank lines. */
  const paragraphs = (run: Run): Inline[][] => {
    const out: Inline[][] = [];
    let current: Inline[] = [];
    for (const leaf of [...run, BREAK]) {
      if (typeof leaf === 'symbol') {
        const tidied = tidy(current);
        if (tidied.length > 0) out.push(tidied);
        current = [];
      } else current.push(leaf);
    }
    return out;
  };

  const listOf = (element: Element, ordered: boolean): ListBlock => {
    const children: (ListItem | ListBlock)[] = [];
    for (const child of element.children) {
      if (!isTag(child)) continue;
      const name = child.name.toLowerCase();
      if (name === 'ul' || name === 'ol') {
        children.push(listOf(child, name === 'ol'));
        continue;
      }
      if (name !== 'li') continue;
      const nested = child.children.filter((n): n is Element => isTag(n) && (n.name === 'ul' || n.name === 'ol'));
      const run: Run = [];
      inline(
        child.children.filter((n) => !nested.includes(n as Element)),
        {},
        null,
        run,
        [],
      );
      const words = tidy(run.map((leaf) => (leaf === BREAK ? { type: 'text' as const, text: ' ' } : leaf)));
      if (words.length > 0) children.push({ type: 'list-item', children: words });
      for (const list of nested) children.push(listOf(list, list.name === 'ol'));
    }
    return { type: 'list', format: ordered ? 'ordered' : 'unordered', children };
  };

  const blocks = (nodes: AnyNode[], out: Block[]) => {
    let run: Run = [];
    let images: ImageRef[] = [];
    const flush = () => {
      for (const children of paragraphs(run)) out.push({ type: 'paragraph', children });
      out.push(...images);
      run = [];
      images = [];
    };
    for (const node of nodes) {
      if (isText(node)) {
        inline([node], {}, null, run, images);
        continue;
      }
      if (!isTag(node)) continue;
      const name = node.name.toLowerCase();
      if (DROPPED.has(name)) {
        count(name);
        continue;
      }
      if (!BLOCK_ELEMENTS.has(name) && name !== 'img') {
        inline([node], {}, null, run, images);
        continue;
      }
      flush();
      const heading = HEADINGS[name];
      if (heading) {
        const words: Run = [];
        inline(node.children, {}, null, words, []);
        const children = tidy(words.filter((leaf): leaf is Inline => leaf !== BREAK));
        if (children.length > 0) out.push({ type: 'heading', level: heading, children });
      } else if (name === 'p') {
        inline(node.children, {}, null, run, images);
        flush();
      } else if (name === 'img') {
        const image = imageOf(node);
        if (image) out.push(image);
      } else if (name === 'ul' || name === 'ol') {
        const list = listOf(node, name === 'ol');
        if (list.children.length > 0) out.push(list);
      } else if (name === 'blockquote') {
        const quote: Run = [];
        const quoteImages: ImageRef[] = [];
        inline(node.children, {}, null, quote, quoteImages);
        const lines = paragraphs(quote);
        const children = tidy(
          lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'text' as const, text: '\n' }, ...line])),
        );
        if (children.length > 0) out.push({ type: 'quote', children });
        out.push(...quoteImages);
      } else if (name === 'pre') {
        const code = DomUtils.textContent(node).replace(/^\n/, '').trimEnd();
        if (code !== '') out.push({ type: 'code', children: [{ type: 'text', text: code }] });
      } else if (name === 'table') {
        for (const row of DomUtils.getElementsByTagName('tr', node.children, true)) {
          const cells = row.children
            .filter(isTag)
            .map((cell) => textOf(cell.children))
            .filter((text) => text !== '');
          if (cells.length > 0) out.push({ type: 'paragraph', children: [{ type: 'text', text: cells.join(' | ') }] });
        }
      } else if (name === 'figure') {
        const before = out.length;
        blocks(
          node.children.filter((n) => !(isTag(n) && n.name === 'figcaption')),
          out,
        );
        const caption = node.children.find((n): n is Element => isTag(n) && n.name === 'figcaption');
        const image = out.slice(before).find((block): block is ImageRef => block.type === 'image-ref');
        if (caption && image) image.caption = textOf(caption.children);
        else if (caption) blocks(caption.children, out);
      } else if (name === 'hr') {
        // A rule has no block; the text around it stays apart.
      } else if (findFaq(node)) {
        // taken out of the body above
      } else blocks(node.children, out);
    }
    flush();
  };

  /** Yoast's and Rank Math's FAQ blocks: each item a question and its answer. */
  const findFaq = (element: Element): boolean => {
    const yoast = hasClass(element, 'schema-faq') || hasClass(element, 'wp-block-yoast-faq-block');
    const rankMath = hasClass(element, 'wp-block-rank-math-faq-block') || hasClass(element, 'rank-math-faq-wrap');
    if (!yoast && !rankMath) return false;
    const [itemClass, questionClass, answerClass] = yoast
      ? ['schema-faq-section', 'schema-faq-question', 'schema-faq-answer']
      : ['rank-math-faq-item', 'rank-math-question', 'rank-math-answer'];
    for (const item of DomUtils.findAll((node) => hasClass(node, itemClass), element.children)) {
      const question = findByClass(item, questionClass);
      const answer = findByClass(item, answerClass);
      const text = question ? textOf(question.children) : '';
      if (text === '') continue;
      const answerBlocks: Block[] = [];
      if (answer) blocks([answer], answerBlocks);
      faqs.push({ question: text, answer: answerBlocks });
    }
    return true;
  };

  const out: Block[] = [];
  blocks(document.children, out);
  return { blocks: out, faqs, removed };
};

/** A comment's WordPress HTML as the plain text Marquee stores for reader comments: words and link targets. */
export const htmlToPlainText = (html: string): string => {
  const document = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (isText(node)) parts.push(node.data);
      else if (isTag(node)) {
        const name = node.name.toLowerCase();
        if (DROPPED.has(name)) continue;
        if (name === 'br') {
          parts.push('\n');
          continue;
        }
        const start = parts.length;
        walk(node.children);
        const href = name === 'a' ? safeUrl(node.attribs.href ?? '') : null;
        if (href && /^https?:/i.test(href)) {
          const label = parts.slice(start).join('').trim();
          if (label !== href && label !== href.replace(/^https?:\/\//, '')) parts.push(` (${href})`);
        }
        if (name === 'p' || name === 'div' || name === 'blockquote' || name === 'li') parts.push('\n\n');
      }
    }
  };
  walk(document.children);
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

export const blocksPlainText = (blocks: Block[]): string =>
  blocks
    .map((block) => {
      if (block.type === 'image-ref') return '';
      if (block.type === 'list') return '';
      return plain(block.children);
    })
    .filter((text) => text !== '')
    .join(' ');
