import { render, screen } from '@testing-library/react';
import { SearchResults, Snippet } from '@/components/reviews/search-results';
import type { SearchHit } from '@/lib/cms/search';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  id: 'd1',
  slug: 'heat-review',
  title: 'Heat',
  excerpt: 'Two professionals.',
  film: { title: 'Heat', year: 1995 },
  cover: null,
  snippet: [],
  ...over,
});

it('wraps highlighted segments in <mark> and leaves the rest as plain text, in order', () => {
  const { container } = render(
    <Snippet
      segments={[
        { text: 'the ', highlight: false },
        { text: 'diner', highlight: true },
        { text: ' scene', highlight: false },
      ]}
    />,
  );
  const p = container.querySelector('p');
  expect(p?.textContent).toBe('the diner scene');
  expect([...(p?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual(['diner']);
  expect(p?.innerHTML).toBe('the <mark>diner</mark> scene');
});

it('renders markup inside a segment as text, highlighted or not: a snippet never injects HTML', () => {
  const { container } = render(
    <Snippet
      segments={[
        { text: '<script>window.__pwned = 1</script>', highlight: true },
        { text: ' <img src=x onerror=alert(1)>', highlight: false },
      ]}
    />,
  );
  expect(container.querySelector('script')).toBeNull();
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('mark')?.textContent).toBe('<script>window.__pwned = 1</script>');
  expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  expect(container.innerHTML).toContain('&lt;script&gt;');
});

it('links each result to its review and shows the snippet, or the excerpt when there is none', () => {
  render(
    <SearchResults
      hits={[
        hit({ id: 'a', slug: 'heat-review', title: 'Heat', snippet: [{ text: 'Heat', highlight: true }] }),
        hit({
          id: 'b',
          slug: 'ran-review',
          title: 'Ran',
          film: { title: 'Ran', year: null },
          excerpt: 'Lear in Japan.',
        }),
      ]}
    />,
  );
  expect(screen.getByRole('link', { name: 'Heat' })).toHaveAttribute('href', '/reviews/heat-review');
  expect(screen.getByRole('link', { name: 'Ran' })).toHaveAttribute('href', '/reviews/ran-review');
  expect(screen.getByText('Heat', { selector: 'mark' })).toBeInTheDocument();
  expect(screen.getByText('Lear in Japan.')).toBeInTheDocument();
  expect(screen.queryByText('Two professionals.')).toBeNull();
  expect(screen.getByText('Ran', { selector: '.card-film' })).toBeInTheDocument();
});
