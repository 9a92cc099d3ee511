/** @jest-environment node */
import { authorPath, genrePath, homePath, replyPath, reviewPath, searchPath } from '@/lib/paths';
import { optionalPageParam } from '@/lib/static-params';

it('gives page 1 its list address and a later page one more path segment', () => {
  expect([homePath(1), homePath(2)]).toEqual(['/', '/latest/2']);
  expect([genrePath('drama'), genrePath('drama', 3)]).toEqual(['/genres/drama', '/genres/drama/3']);
  expect([authorPath('jun-park', 1), authorPath('jun-park', 2)]).toEqual(['/authors/jun-park', '/authors/jun-park/2']);
  expect([reviewPath('heat'), reviewPath('heat', 2)]).toEqual(['/reviews/heat', '/reviews/heat/comments/2']);
  expect([replyPath('heat', 'c1'), replyPath('heat', 'c1', 4)]).toEqual([
    '/reviews/heat/reply/c1',
    '/reviews/heat/comments/4/reply/c1',
  ]);
  expect([searchPath('a b'), searchPath('a&b', 2)]).toEqual(['/search?q=a+b', '/search?q=a%26b&page=2']);
});

it('reads an optional page segment: none is page 1, a later page its number, anything else not found', () => {
  expect(optionalPageParam(undefined)).toBe(1);
  expect(optionalPageParam(['2'])).toBe(2);
  for (const segments of [['1'], ['01'], ['0'], ['abc'], ['__shell__'], ['2', '3'], []]) {
    expect(() => optionalPageParam(segments)).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  }
});
