/** @jest-environment node */
import { cleanQuery, searchSegment, termsFromSegment } from '@/lib/search-query';

describe('search terms in a path segment', () => {
  it.each([
    ['cell', 'Y2VsbA'],
    ['Face/Off', 'RmFjZS9PZmY'],
    ['100%', 'MTAwJQ'],
    ['.', 'Lg'],
    ['..', 'Li4'],
    ['#x', 'I3g'],
    ['"quoted" \'single\'', 'InF1b3RlZCIgJ3NpbmdsZSc'],
    ['café 🎬', 'Y2Fmw6kg8J-OrA'],
  ])('carries %s as the single segment %s, and reads it back', (terms, segment) => {
    expect(searchSegment(terms)).toBe(segment);
    expect(termsFromSegment(segment)).toBe(terms);
  });

  it('reads no terms from a segment searchSegment did not write', () => {
    for (const segment of ['', '%3Cb%3E', 'Y2VsbA==', 'Y2VsbB', '__shell__', '..', 'a/b', '_w'])
      expect(termsFromSegment(segment)).toBe('');
  });

  it('drops control characters and keeps at most 100 characters', () => {
    expect(termsFromSegment(searchSegment('a\u0000b'))).toBe('a b');
    expect(cleanQuery('  spaced   out  ')).toBe('spaced out');
    expect(cleanQuery('x'.repeat(150))).toBe('x'.repeat(100));
  });
});
