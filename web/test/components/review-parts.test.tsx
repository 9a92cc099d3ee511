import { render, screen, within } from '@testing-library/react';
import { CommentList } from '@/components/comments/comment-list';
import { RatingStars } from '@/components/reviews/rating-stars';
import { ReaderRating } from '@/components/reviews/reader-rating';
import { FaqList, ReviewSections } from '@/components/reviews/review-body';
import type { Comment } from '@/lib/cms/comments';

const thread: Comment[] = [
  {
    id: 'c1',
    authorName: 'Priya',
    website: 'https://priya.example.org/',
    body: '<img src=x onerror=alert(1)> first\n\nsecond',
    createdAt: '2026-11-24T20:39:42.114Z',
    depth: 1,
    rating: 4,
    replies: [
      {
        id: 'c2',
        authorName: 'Tomás',
        website: null,
        body: 'reply',
        createdAt: '2026-11-24T20:40:42.114Z',
        depth: 2,
        rating: null,
        replies: [],
      },
    ],
  },
];

it('reads a rating as "4 out of 5" to assistive technology', () => {
  render(<RatingStars rating={{ value: 4, best: 5, worst: 1 }} />);
  expect(screen.getByText('4 out of 5')).toHaveClass('sr-only');
});

it("shows no stars for a review without a critic's rating", () => {
  const { container } = render(<RatingStars rating={null} />);
  expect(container.innerHTML).toBe('');
});

it('renders comments as text, threaded, with dates, reply links and nofollow ugc websites', () => {
  const { container } = render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen />);
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getByText(/<img src=x onerror=alert\(1\)> first/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Priya' })).toHaveAttribute('rel', expect.stringContaining('nofollow ugc'));
  expect(screen.getByRole('link', { name: 'Reply to Priya' })).toHaveAttribute(
    'href',
    '/reviews/heat-review/reply/c1#respond',
  );
  const reply = container.querySelector('#comment-c2');
  expect(reply?.closest('ol.children')).not.toBeNull();
  const first = container.querySelector<HTMLElement>('#comment-c1');
  if (!first) throw new Error('comment c1 not rendered');
  expect(within(first).getAllByRole('time')[0]).toHaveAttribute('dateTime', '2026-11-24T20:39:42.114Z');
});

it('offers no reply links when comments are closed', () => {
  render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen={false} />);
  expect(screen.queryByRole('link', { name: /Reply to/ })).toBeNull();
});

it('keeps spoiler sections closed in <details> until opened', () => {
  const { container } = render(
    <ReviewSections
      sections={[
        {
          anchor: 'plot-1',
          heading: 'Plot',
          spoiler: false,
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Open text' }] }],
        },
        {
          anchor: 'ending-2',
          heading: 'Ending',
          spoiler: true,
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hidden twist' }] }],
        },
      ]}
    />,
  );
  const details = container.querySelector<HTMLElement>('#ending-2 details');
  if (!details) throw new Error('spoiler section has no <details>');
  expect(details).not.toHaveAttribute('open');
  expect(within(details).getByText('Hidden twist')).toBeInTheDocument();
  expect(container.querySelector('#plot-1 details')).toBeNull();
  expect(screen.getByRole('heading', { level: 2, name: 'Ending' })).toBeInTheDocument();
});

describe('staff replies and questions answered in the FAQ', () => {
  const staffThread: Comment[] = [
    {
      id: 'q1',
      authorName: 'Ayşe',
      website: null,
      body: 'Is the Turkish remake worth watching?',
      createdAt: '2026-11-24T20:39:42.114Z',
      depth: 1,
      rating: null,
      faqId: 'faq1',
      replies: [
        {
          id: 's1',
          authorName: 'Mo Desk',
          website: null,
          body: 'We answered it below.',
          createdAt: '2026-11-24T20:40:42.114Z',
          depth: 2,
          rating: null,
          isStaff: true,
          replies: [],
        },
      ],
    },
    {
      id: 'r1',
      authorName: 'Reader',
      website: null,
      body: 'Plain comment',
      createdAt: '2026-11-24T20:41:42.114Z',
      depth: 1,
      rating: null,
      isStaff: false,
      faqId: null,
      replies: [],
    },
  ];

  it('marks a staff reply with a Staff badge, and nobody else', () => {
    const { container } = render(<CommentList comments={staffThread} reviewSlug="heat-review" commentsOpen />);
    const staff = container.querySelector('#comment-s1');
    const reader = container.querySelector('#comment-r1');
    if (!(staff instanceof HTMLElement) || !(reader instanceof HTMLElement)) throw new Error('comments not rendered');
    expect(within(staff).getByText('Staff')).toBeTruthy();
    expect(within(reader).queryByText('Staff')).toBeNull();
    expect(screen.getAllByText('Staff')).toHaveLength(1);
  });

  it('links a comment answered in the FAQ to that question on the review page', () => {
    const { container } = render(<CommentList comments={staffThread} reviewSlug="heat-review" commentsOpen />);
    const asked = container.querySelector('#comment-q1');
    if (!(asked instanceof HTMLElement)) throw new Error('comment q1 not rendered');
    const link = within(asked).getAllByRole('link', { name: 'Answered in our FAQ' })[0];
    expect(link?.getAttribute('href')).toBe('/reviews/heat-review#faq-faq1');
    expect(screen.getAllByRole('link', { name: 'Answered in our FAQ' })).toHaveLength(1);
  });

  it('gives every FAQ item the anchor comments link to', () => {
    const { container } = render(
      <FaqList
        faqs={[
          {
            id: 'faq1',
            question: 'Is the Turkish remake worth watching?',
            order: 1,
            answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Yes.' }] }],
          },
        ]}
      />,
    );
    expect(container.querySelector('details#faq-faq1 summary')?.textContent).toBe(
      'Is the Turkish remake worth watching?',
    );
  });
});

describe("the readers' score", () => {
  it('reads "Readers: 4.2 out of 5 from 37 ratings"', () => {
    render(<ReaderRating rating={{ average: 4.2, count: 37 }} />);
    expect(screen.getByTestId('reader-rating')).toHaveTextContent('Readers:★4.2 out of 5 from 37 ratings');
  });

  it('shows nothing when the CMS gives no score (below the minimum)', () => {
    const { container } = render(<ReaderRating rating={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('each comment in the thread', () => {
  const rated: Comment[] = [
    {
      id: 'c1',
      authorName: 'Ada',
      website: null,
      body: 'Loved it',
      createdAt: '2026-11-24T20:39:42.114Z',
      depth: 1,
      rating: 4,
      replies: [],
    },
    {
      id: 'c2',
      authorName: 'Bea',
      website: null,
      body: 'Meh',
      createdAt: '2026-11-24T20:40:42.114Z',
      depth: 1,
      rating: null,
      replies: [],
    },
  ];

  it('shows its own stars as text, and links to a report page for it', () => {
    render(<CommentList comments={rated} reviewSlug="heat-review" commentsOpen />);
    expect(screen.getByText('Rated the film 4 out of 5')).toHaveClass('sr-only');
    expect(screen.queryAllByText(/Rated the film/)).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Report the comment by Ada' })).toHaveAttribute(
      'href',
      '/reviews/heat-review/report/c1',
    );
    expect(screen.getByRole('link', { name: 'Report the comment by Bea' })).toHaveAttribute(
      'href',
      '/reviews/heat-review/report/c2',
    );
  });

  it('can be reported even when comments are closed', () => {
    render(<CommentList comments={rated} reviewSlug="heat-review" commentsOpen={false} />);
    expect(screen.queryByRole('link', { name: /^Reply/ })).toBeNull();
    expect(screen.getAllByRole('link', { name: /^Report the comment/ })).toHaveLength(2);
  });
});
