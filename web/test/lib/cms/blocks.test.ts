import { blocksSchema, blocksToText, safeHref } from '@/lib/cms/blocks';

describe('blocksSchema', () => {
  it('accepts paragraphs, headings, nested lists, quotes and links', () => {
    const blocks = blocksSchema.parse([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Hi ', bold: true },
          { type: 'link', url: 'https://x.example', children: [{ type: 'text', text: 'x' }] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'one' }] },
          {
            type: 'list',
            format: 'unordered',
            children: [{ type: 'list-item', children: [{ type: 'text', text: 'nested' }] }],
          },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'q' }] },
    ]);
    expect(blocks).toHaveLength(4);
  });

  it('rejects an unknown block type instead of rendering it', () => {
    expect(blocksSchema.safeParse([{ type: 'html', children: [{ type: 'text', text: '<script>' }] }]).success).toBe(
      false,
    );
  });

  it('rewrites dangerous link targets', () => {
    const [p] = blocksSchema.parse([
      {
        type: 'paragraph',
        children: [{ type: 'link', url: ' JavaScript:alert(1)', children: [{ type: 'text', text: 'x' }] }],
      },
    ]);
    expect(p?.type === 'paragraph' && p.children[0]?.type === 'link' ? p.children[0].url : null).toBe('#');
  });
});

describe('safeHref', () => {
  it.each([
    ['https://a.example', 'https://a.example'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['/reviews/x', '/reviews/x'],
    ['#section', '#section'],
    ['//evil.example', '#'],
    ['data:text/html,x', '#'],
    ['vbscript:x', '#'],
  ])('%s -> %s', (input, expected) => expect(safeHref(input)).toBe(expected));
});

it('blocksToText joins the text of every block', () => {
  const blocks = blocksSchema.parse([
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'One ' },
        { type: 'link', url: '/x', children: [{ type: 'text', text: 'two' }] },
      ],
    },
    {
      type: 'list',
      format: 'unordered',
      children: [{ type: 'list-item', children: [{ type: 'text', text: 'three' }] }],
    },
  ]);
  expect(blocksToText(blocks)).toBe('One two\n\nthree');
});
