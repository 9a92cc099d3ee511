import { render, screen } from '@testing-library/react';
import { RichText } from '@/components/rich-text/rich-text';
import { blocksSchema } from '@/lib/cms/blocks';

const content = blocksSchema.parse([
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Inside the cell' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'A <b>bold</b> claim, ' },
      { type: 'text', text: 'in italics', italic: true },
      { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'a trap' }] },
    ],
  },
  { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'first' }] }] },
  { type: 'quote', children: [{ type: 'text', text: 'quoted' }] },
]);

it('renders blocks as elements, shifting headings below the section heading', () => {
  const { container } = render(<RichText content={content} />);
  expect(screen.getByRole('heading', { level: 4, name: 'Inside the cell' })).toBeInTheDocument();
  expect(container.querySelector('em')).toHaveTextContent('in italics');
  expect(screen.getByRole('listitem')).toHaveTextContent('first');
  expect(container.querySelector('blockquote')).toHaveTextContent('quoted');
});

it('shows markup in the text as text, and never links to a javascript: URL', () => {
  const { container } = render(<RichText content={content} />);
  expect(screen.getByText(/A <b>bold<\/b> claim/)).toBeInTheDocument();
  expect(container.querySelector('b')).toBeNull();
  expect(screen.getByRole('link', { name: 'a trap' })).toHaveAttribute('href', '#');
});
