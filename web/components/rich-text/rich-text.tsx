import type { ReactNode } from 'react';
import type { Blocks } from '@/lib/cms/blocks';

/**
 * Strapi blocks rendered on the server as React elements (never raw HTML), so rich text costs the reader no
 * JavaScript: @strapi/blocks-react-renderer is a client component (it reads a React context) and would hydrate
 * every section. Its node types (lib/cms/blocks.ts parses into them) are the contract. Headings are shifted below
 * the section's own heading so a page keeps one h1 and a sane outline. Links were made safe when parsed.
 */
type Node = Blocks[number];
type Inline = Extract<Node, { type: 'paragraph' }>['children'][number];
type List = Extract<Node, { type: 'list' }>;

function Text({ node }: { node: Extract<Inline, { type: 'text' }> }): ReactNode {
  let out: ReactNode = node.text;
  if (node.code) out = <code>{out}</code>;
  if (node.strikethrough) out = <del>{out}</del>;
  if (node.underline) out = <u>{out}</u>;
  if (node.italic) out = <em>{out}</em>;
  if (node.bold) out = <strong>{out}</strong>;
  return out;
}

function Inlines({ nodes }: { nodes: readonly Inline[] }) {
  return nodes.map((n, i) =>
    n.type === 'text' ? (
      <Text key={i} node={n} />
    ) : (
      <a key={i} href={n.url} {...(/^https?:/i.test(n.url) ? { rel: 'noopener noreferrer' } : {})}>
        {n.children.map((c, j) => (
          <Text key={j} node={c} />
        ))}
      </a>
    ),
  );
}

function ListBlock({ node }: { node: List }) {
  const Tag = node.format === 'ordered' ? 'ol' : 'ul';
  return (
    <Tag>
      {node.children.map((child, i) =>
        child.type === 'list-item' ? (
          <li key={i}>
            <Inlines nodes={child.children} />
          </li>
        ) : (
          <li key={i}>
            <ListBlock node={child} />
          </li>
        ),
      )}
    </Tag>
  );
}

function Block({ node, headingOffset }: { node: Node; headingOffset: number }) {
  switch (node.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines nodes={node.children} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <Inlines nodes={node.children} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>
            <Inlines nodes={node.children} />
          </code>
        </pre>
      );
    case 'heading': {
      const shifted = Math.min(node.level + headingOffset, 6);
      const Tag = shifted <= 3 ? 'h3' : shifted === 4 ? 'h4' : shifted === 5 ? 'h5' : 'h6';
      return (
        <Tag>
          <Inlines nodes={node.children} />
        </Tag>
      );
    }
    case 'list':
      return <ListBlock node={node} />;
    case 'image':
      return node.image.url ? (
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={node.image.url}
            alt={node.image.alternativeText ?? ''}
            width={node.image.width || undefined}
            height={node.image.height || undefined}
            loading="lazy"
            decoding="async"
          />
          {node.image.caption ? <figcaption>{node.image.caption}</figcaption> : null}
        </figure>
      ) : null;
  }
}

export function RichText({ content, headingOffset = 2 }: { content: Blocks; headingOffset?: number }) {
  return (
    <div className="prose">
      {content.map((node, i) => (
        <Block key={i} node={node} headingOffset={headingOffset} />
      ))}
    </div>
  );
}
