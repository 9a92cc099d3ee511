import { render, screen } from '@testing-library/react';
import { CommentSection } from '@/components/comments/comment-section';
import type { Comment } from '@/lib/cms/comments';
import { initialCommentFormState } from '@/lib/comments/form-state';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));
jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }));

const review = { id: 'rv1', slug: 'heat-review', title: 'Heat review', commentsOpen: true };
const submit = async () => initialCommentFormState;
const comment = (id: string): Comment => ({
  id,
  authorName: `Reader ${id}`,
  website: null,
  body: `Words of ${id}`,
  createdAt: '2026-11-24T21:00:00.000Z',
  depth: 1,
  isStaff: false,
  faqId: null,
  rating: null,
  replies: [],
});
const thread = (comments: Comment[], pageCount: number) => ({
  comments,
  pagination: { page: 1, pageSize: 20, pageCount, total: comments.length * pageCount },
  readerRating: null,
});

it('counts the comments in its heading when they are all on this page', () => {
  render(
    <CommentSection review={review} thread={thread([comment('a'), comment('b')], 1)} reader={null} submit={submit} />,
  );
  expect(screen.getByRole('heading', { level: 2, name: '2 comments on “Heat review”' })).toBeInTheDocument();
});

it('gives no count when the thread runs over several pages (a page would count only its own)', () => {
  render(
    <CommentSection review={review} thread={thread([comment('a'), comment('b')], 3)} reader={null} submit={submit} />,
  );
  expect(screen.getByRole('heading', { level: 2, name: 'Comments on “Heat review”' })).toBeInTheDocument();
  expect(screen.getByText('Comments page 1 of 3')).toBeInTheDocument();
});

it('links the comment pages and the reply pages of a later page by their paths', () => {
  const later = { ...thread([comment('a')], 3), pagination: { page: 2, pageSize: 20, pageCount: 3, total: 41 } };
  render(<CommentSection review={review} thread={later} reader={null} submit={submit} />);
  expect(screen.getByRole('link', { name: '← Older comments' })).toHaveAttribute(
    'href',
    '/reviews/heat-review#comments',
  );
  expect(screen.getByRole('link', { name: 'Newer comments →' })).toHaveAttribute(
    'href',
    '/reviews/heat-review/comments/3#comments',
  );
  expect(screen.getByRole('link', { name: 'Reply to Reader a' })).toHaveAttribute(
    'href',
    '/reviews/heat-review/comments/2/reply/a#respond',
  );
});
