import { render, screen } from '@testing-library/react';
import { CommentSection } from '@/components/comments/comment-section';
import type { Comment } from '@/lib/cms/comments';
import { initialCommentFormState } from '@/lib/comments/form-state';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }));

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));

const review = { id: 'rv1', slug: 'heat-review', title: 'Heat review', commentsOpen: true };
const pending = {
  reviewId: 'rv1',
  id: 'p1',
  name: 'Ada',
  body: 'My <b>first</b> thought',
  createdAt: '2026-11-24T21:00:00.000Z',
  parent: null,
};
const submit = async () => initialCommentFormState;
const thread = (comments: Comment[]) => ({
  comments,
  pagination: { page: 1, pageSize: 50, pageCount: 1, total: comments.length },
  readerRating: null,
});
const reader = { pending, flash: null, replyToId: null, formToken: null };

it("shows the reader's own pending comment as text, awaiting moderation, on the page rendered for them", () => {
  const { container } = render(<CommentSection review={review} thread={thread([])} reader={reader} submit={submit} />);
  expect(screen.getByText('Your comment is awaiting moderation.')).toBeInTheDocument();
  expect(screen.getByText('My <b>first</b> thought')).toBeInTheDocument();
  expect(container.querySelector('b')).toBeNull();
});

it('shows no pending comment on the shared page, and the form carries no token of its own there', () => {
  const { container } = render(<CommentSection review={review} thread={thread([])} reader={null} submit={submit} />);
  expect(screen.queryByText('Your comment is awaiting moderation.')).toBeNull();
  expect(container.querySelector('input[name=formToken]')).toBeNull();
});

it('stops showing it once the comment is approved and listed', () => {
  const approved: Comment[] = [
    {
      id: 'p1',
      authorName: 'Ada',
      website: null,
      body: 'x',
      createdAt: pending.createdAt,
      depth: 1,
      rating: null,
      replies: [],
    },
  ];
  render(<CommentSection review={review} thread={thread(approved)} reader={reader} submit={submit} />);
  expect(screen.queryByText('Your comment is awaiting moderation.')).toBeNull();
});

it('answers the comment named by replyTo, and gives the form the token rendered for this reader', () => {
  const approved: Comment[] = [
    {
      id: 'c7',
      authorName: 'Bea',
      website: null,
      body: 'x',
      createdAt: pending.createdAt,
      depth: 1,
      rating: null,
      replies: [],
    },
  ];
  const { container } = render(
    <CommentSection
      review={review}
      thread={thread(approved)}
      reader={{ ...reader, pending: null, replyToId: 'c7', formToken: '1764000000000.' + 'a'.repeat(64) }}
      submit={submit}
    />,
  );
  expect(screen.getByRole('heading', { name: /Reply to Bea/ })).toBeInTheDocument();
  expect(container.querySelector('input[name=formToken]')).toHaveAttribute('value', '1764000000000.' + 'a'.repeat(64));
});
