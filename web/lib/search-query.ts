/**
 * A reader's search terms and the path segment they travel in. `/search?q=…` is rewritten (proxy.ts) onto
 * /search/[q]/[page] so each search is cached whole like any page; the terms go into that segment as base64url of
 * their UTF-8, so whatever a reader types (`Face/Off`, `100%`, `.`, `..`, `#`, quotes, emoji) is one segment that no
 * router decodes, splits or normalises. Free of server-only imports: proxy.ts uses it.
 */

/** Search terms as typed, without control characters (a NUL is never echoed back), at most 100 characters. */
export function cleanQuery(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return (
    (raw ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
  );
}

export function searchSegment(terms: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(terms)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The terms in a segment made by searchSegment; '' (the empty search form) for anything else. */
export function termsFromSegment(segment: string): string {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(segment)) return '';
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
    const terms = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    // One spelling per search, so one cache entry: a segment that is not exactly what searchSegment writes is none.
    return searchSegment(terms) === segment ? cleanQuery(terms) : '';
  } catch {
    return '';
  }
}
