/** The public path of a review. */
export const reviewPath = (slug: string) => `/reviews/${slug}`;

/**
 * A path as redirects store and look it up: decoded, one leading slash, no trailing slash (but the root), and a query
 * string kept only for `?p=<id>` (WordPress's own permalinks), so `/2019/05/x/` and `/2019/05/x` are one path.
 * Null for anything that is not a site path.
 */
export const normalizePath = (input: string): string | null => {
  let url: URL;
  try {
    url = new URL(input.trim(), 'http://site.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://site.invalid' || !input.trim().startsWith('/')) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if ([...path].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return null;
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const p = url.searchParams.get('p');
  return p && /^\d{1,12}$/.test(p) ? `${path}?p=${p}` : path;
};
