import { z } from 'zod';
import type { BlocksContent } from '@strapi/blocks-react-renderer';

/**
 * Strapi "blocks" rich text, parsed node by node. The annotations against the renderer's own types make the
 * compiler prove the parsed output is what BlocksRenderer accepts, without a cast.
 */
type RootNode = BlocksContent[number];
type ParagraphNode = Extract<RootNode, { type: 'paragraph' }>;
type InlineNode = ParagraphNode['children'][number];
type TextNode = Extract<InlineNode, { type: 'text' }>;
type LinkNode = Extract<InlineNode, { type: 'link' }>;
type ListNode = Extract<RootNode, { type: 'list' }>;
type ListChild = ListNode['children'][number];
type ImageNode = Extract<RootNode, { type: 'image' }>;

/** Links are editor content, but a `javascript:` URL must still never reach an href. */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^(\/(?!\/)|#)/.test(trimmed)) return trimmed;
  return '#';
}

const textNode: z.ZodType<TextNode> = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

const linkNode: z.ZodType<LinkNode> = z.object({
  type: z.literal('link'),
  url: z.string().transform(safeHref),
  children: z.array(textNode),
});

const inlineNode: z.ZodType<InlineNode> = z.union([textNode, linkNode]);

const listItemNode = z.object({ type: z.literal('list-item'), children: z.array(inlineNode) });

const listNode: z.ZodType<ListNode> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    children: z.array(listChild),
  }),
);
const listChild: z.ZodType<ListChild> = z.lazy(() => z.union([listItemNode, listNode]));

const imageNode: z.ZodType<ImageNode> = z
  .object({
    type: z.literal('image'),
    image: z
      .object({
        url: z.string(),
        name: z.string().default(''),
        alternativeText: z.string().nullish(),
        caption: z.string().nullish(),
        width: z.number().default(0),
        height: z.number().default(0),
        hash: z.string().default(''),
        ext: z.string().default(''),
        mime: z.string().default(''),
        size: z.number().default(0),
        provider: z.string().default('local'),
        createdAt: z.string().default(''),
        updatedAt: z.string().default(''),
      })
      .loose(),
    children: z.array(z.unknown()).optional(),
  })
  .transform(({ image }) => ({
    type: 'image' as const,
    image: {
      name: image.name,
      alternativeText: image.alternativeText ?? null,
      caption: image.caption ?? null,
      url: /^(\/uploads\/|https:\/\/)/.test(image.url) ? image.url : '',
      width: image.width,
      height: image.height,
      hash: image.hash,
      ext: image.ext,
      mime: image.mime,
      size: image.size,
      provider: image.provider,
      createdAt: image.createdAt,
      updatedAt: image.updatedAt,
    },
    children: [{ type: 'text' as const, text: '' as const }],
  }));

const headingLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);

const rootNode: z.ZodType<RootNode> = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNode) }),
  z.object({ type: z.literal('quote'), children: z.array(inlineNode) }),
  z.object({ type: z.literal('code'), children: z.array(inlineNode) }),
  z.object({ type: z.literal('heading'), level: headingLevel, children: z.array(inlineNode) }),
  listNode,
  imageNode,
]);

export const blocksSchema: z.ZodType<BlocksContent> = z.array(rootNode);
export type Blocks = BlocksContent;

/** Plain text of blocks, for descriptions and JSON-LD (FAQ answers). */
export function blocksToText(blocks: Blocks): string {
  const inline = (nodes: readonly InlineNode[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join(''))).join('');
  const list = (node: ListNode): string =>
    node.children.map((c) => (c.type === 'list-item' ? inline(c.children) : list(c))).join('\n');
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'list':
          return list(b);
        case 'image':
          return b.image.alternativeText ?? '';
        default:
          return inline(b.children);
      }
    })
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}
