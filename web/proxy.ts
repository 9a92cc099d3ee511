import { NextResponse, type NextRequest } from 'next/server';
import { findRedirect } from '@/lib/cms/redirects';
import { DRAFT_COOKIE, FLASH_COOKIE, PENDING_COOKIE } from '@/lib/comments/cookies';
import { contentSecurityPolicy } from '@/lib/csp';
import { env } from '@/lib/env';
import { PAGE_NUMBER, authorPath, genrePath, homePath, replyPath, reviewPath } from '@/lib/paths';
import { cleanQuery, searchSegment } from '@/lib/search-query';

/**
 * Runs only for the requests that need it (the matcher): everyone else gets the cached page without this step.
 *
 * A path that does not decode (`/reviews/%ff%fe`) answers the not-found page with 404.
 *
 * A server action posted from another origin answers 403 here (Next's own check would throw, a 500).
 *
 * A search (`/search?q=…&page=N`) is rewritten onto /search/[q]/[page] with its terms as base64url, so any text a
 * reader types is one path segment (lib/search-query.ts) and each search is cached like a page.
 *
 * A comment or report post (the server action, with or without JavaScript) larger than any comment form can send is refused
 * here with 413, before Next reads it (the caching proxy refuses it too; this holds when the web is reached
 * directly).
 *
 * A page's old query-string address (`/?page=2`, `/genres/<slug>?page=2`, `/reviews/<slug>?cpage=2`, a reply page's
 * `?cpage=2`) answers 301 to its path (lib/paths.ts); a redirect in next.config.ts would carry the query string along.
 *
 * A review, one of its comment pages or its reply page requested by a reader who holds a cookie of their own (a
 * comment awaiting moderation, the answer to a post made without JavaScript, an editor's draft mode) is rendered
 * for them alone by /reviews/[slug]/personal. The matcher runs this only for those requests: everyone else gets the
 * cached page without this step. The cookie names are lib/comments/cookies.ts's (a matcher must be a literal). An
 * editor's preview (draft mode) may be framed by the admin panel's origin, and only by it.
 *
 * A path that may be an old URL (a review's, and any path no route of the site serves: WordPress permalinks such as
 * `/2019/05/post/` and `/?p=123`) is looked up among the redirects first: 301 or 302 to where it leads, or 410 for a
 * deleted review. The answer is a plain response, cached by the proxy like a page.
 */
export const config = {
  matcher: [
    { source: '/reviews/:slug', has: [{ type: 'cookie', key: 'mq_pending' }] },
    { source: '/reviews/:slug', has: [{ type: 'cookie', key: 'mq_flash' }] },
    { source: '/reviews/:slug', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    { source: '/reviews/:slug/comments/:page', has: [{ type: 'cookie', key: 'mq_pending' }] },
    { source: '/reviews/:slug/comments/:page', has: [{ type: 'cookie', key: 'mq_flash' }] },
    { source: '/reviews/:slug/comments/:page', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    { source: '/reviews/:slug/reply/:comment', has: [{ type: 'cookie', key: 'mq_pending' }] },
    { source: '/reviews/:slug/reply/:comment', has: [{ type: 'cookie', key: 'mq_flash' }] },
    { source: '/reviews/:slug/reply/:comment', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    { source: '/reviews/:slug/comments/:page/reply/:comment', has: [{ type: 'cookie', key: 'mq_pending' }] },
    { source: '/reviews/:slug/comments/:page/reply/:comment', has: [{ type: 'cookie', key: 'mq_flash' }] },
    { source: '/reviews/:slug/comments/:page/reply/:comment', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    { source: '/', has: [{ type: 'query', key: 'page' }] },
    { source: '/genres/:slug', has: [{ type: 'query', key: 'page' }] },
    { source: '/authors/:slug', has: [{ type: 'query', key: 'page' }] },
    { source: '/reviews/:slug/reply/:comment', has: [{ type: 'query', key: 'cpage' }] },
    // Any path with a percent-escaped byte above 0x7f: rare, and possibly not UTF-8 at all.
    '/:path(.*%[89a-fA-F][0-9a-fA-F].*)',
    { source: '/reviews/:slug', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/reviews/:slug', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
    { source: '/reviews/:slug/report/:comment', has: [{ type: 'header', key: 'next-action' }] },
    {
      source: '/reviews/:slug/report/:comment',
      has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }],
    },
    '/reviews/:slug/personal',
    { source: '/search', has: [{ type: 'query', key: 'q' }] },
    '/reviews/:slug',
    '/reviews/:slug/comments/:page',
    { source: '/', has: [{ type: 'query', key: 'p', value: '\\d{1,12}' }] },
    '/((?!reviews/|genres/|authors/|search|faq|latest/|feed.xml|sitemap|robots.txt|api/|_next/|uploads/|mail/|favicon|icon|apple-icon|__not_found).+)',
  ],
};

/** The comment form's fields at their limits, in any encoding, stay well below this. */
const MAX_POST_BYTES = 64 * 1024;

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Review, genre and author slugs are Strapi uids: lower-case ASCII letters, digits and dashes. */
const SLUG_PATH = /^\/(?:reviews|genres|authors)\/([^/]*)/;

/** The pages with a personal rendering: a review, its numbered comment pages and its reply pages. */
const PERSONAL_PAGE = /^\/reviews\/[a-z0-9-]+(?:\/comments\/[0-9]+)?(?:\/reply\/[A-Za-z0-9]+)?$/;

/** Marks this function's rewrites to the personal page, which is not an address of its own. */
const REWRITTEN = 'x-marquee-personal';
const REWRITE_TOKEN = crypto.randomUUID();

/** The cookies the matcher names: a request with one of them is its reader's own. */
const PERSONAL = [PENDING_COOKIE, FLASH_COOKIE, DRAFT_COOKIE];

/** A deleted review's address: a page of its own, since a rewrite to the not-found page would answer its 404. */
const GONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Gone</title></head><body><main><h1>This review has been removed</h1><p>It is no longer on the site. <a href="/">Latest reviews</a> · <a href="/search">Search reviews</a></p></main></body></html>`;

/** Old addresses' answers, kept by the caching proxy like a page. */
const REDIRECT_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';

/** Where an old path leads, as the answer readers get: a redirect, 410, or null to carry on. */
async function redirectFor(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, searchParams } = request.nextUrl;
  const p = pathname === '/' ? searchParams.get('p') : null;
  if (pathname === '/' && !p) return null;
  const redirect = await findRedirect(p ? `/?p=${p}` : pathname);
  if (!redirect) return null;
  const headers = { 'Cache-Control': REDIRECT_CACHE_CONTROL };
  if (redirect.status === 410)
    return new NextResponse(GONE_PAGE, {
      status: 410,
      headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
    });
  const response = NextResponse.redirect(new URL(redirect.location, request.url), redirect.status);
  response.headers.set('Cache-Control', headers['Cache-Control']);
  return response;
}

/** The pages whose old addresses had a query string: the home page, a genre's, an author's, a review's, a reply page. */
const OLD_PAGED = /^\/(?:(genres|authors)\/([a-z0-9-]+)|reviews\/([a-z0-9-]+)(?:\/reply\/([A-Za-z0-9_]+))?)?$/;

/**
 * 301 from a page's old query-string address to its path, the other parameters kept; null for any other request. A
 * `page` that names no page (0, 01, 10000, a word) is not found, as it always was; a `cpage` that names none was
 * always ignored, and still is.
 */
function oldPageRedirect(request: NextRequest): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  const match = OLD_PAGED.exec(pathname);
  if (!match) return null;
  const [, list, listSlug = '', review, comment] = match;
  const key = review ? 'cpage' : 'page';
  const value = searchParams.get(key);
  if (value === null) return null;
  if (!PAGE_NUMBER.test(value))
    return review ? null : NextResponse.rewrite(new URL('/__not_found', request.url), { status: 404 });
  const page = Number(value);
  const url = request.nextUrl.clone();
  url.pathname = review
    ? comment
      ? replyPath(review, comment, page)
      : reviewPath(review, page)
    : list === 'genres'
      ? genrePath(listSlug, page)
      : list === 'authors'
        ? authorPath(listSlug, page)
        : homePath(page);
  url.searchParams.delete(key);
  const response = NextResponse.redirect(url, 301);
  response.headers.set('Cache-Control', REDIRECT_CACHE_CONTROL);
  return response;
}

function adminOrigin(): string {
  const { CMS_ADMIN_URL, CMS_URL } = env();
  return new URL(CMS_ADMIN_URL ?? CMS_URL).origin;
}

/** Next's own rule for server actions: the Origin's host must be the forwarded host (or Host). No Origin passes. */
function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // A path that is not valid UTF-8 names nothing here, nor does a slug no uid can be: the site's not-found page
  // (Next itself would answer 500).
  const { pathname } = request.nextUrl;
  const pathSlug = SLUG_PATH.exec(pathname)?.[1];
  const personalAsked =
    /^\/reviews\/[^/]+\/personal\/?$/.test(pathname) && (request.method === 'GET' || request.method === 'HEAD');
  // This function's own rewrite comes back through it: it carries this process's token, an address typed by hand does
  // not. A post (a form sent without JavaScript from the personal page) goes on to the checks below.
  if (personalAsked && request.headers.get(REWRITTEN) === REWRITE_TOKEN) return NextResponse.next();
  if (!decodes(pathname) || (pathSlug !== undefined && !/^[a-z0-9-]+$/.test(pathSlug)) || personalAsked) {
    return NextResponse.rewrite(new URL('/__not_found', request.url), { status: 404 });
  }
  if (pathname === '/search') {
    const terms = cleanQuery(request.nextUrl.searchParams.get('q'));
    if (!terms) return NextResponse.next();
    const page = /^[1-9][0-9]{0,3}$/.exec(request.nextUrl.searchParams.get('page') ?? '')?.[0] ?? '1';
    const url = request.nextUrl.clone();
    url.pathname = `/search/${searchSegment(terms)}/${page}`;
    url.search = '';
    return NextResponse.rewrite(url);
  }
  if (request.method === 'POST') {
    if (foreignOrigin(request)) {
      return new NextResponse('Forbidden: this form may be sent from the site itself only.', {
        status: 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    const length = Number(request.headers.get('content-length') ?? 0);
    if (!request.headers.has('content-length') || length > MAX_POST_BYTES) {
      return new NextResponse('Too large: a comment is at most 5,000 characters.', {
        status: 413,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    return NextResponse.next();
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const paged = oldPageRedirect(request);
  if (paged) return paged;
  const redirect = await redirectFor(request);
  if (redirect) return redirect;
  // Anything else that matched (a report page, a page without a reader's cookie, a non-ASCII escape) is everyone's.
  if (!PERSONAL_PAGE.test(pathname) || !PERSONAL.some((name) => request.cookies.has(name))) return NextResponse.next();
  const [, , slug = '', ...rest] = pathname.split('/');
  const after = (segment: string) => (rest.includes(segment) ? rest[rest.indexOf(segment) + 1] : undefined);
  const url = request.nextUrl.clone();
  url.pathname = `/reviews/${slug}/personal`;
  const [cpage, replyTo] = [after('comments'), after('reply')];
  if (cpage) url.searchParams.set('cpage', cpage);
  if (replyTo) url.searchParams.set('replyTo', replyTo);
  const headers = new Headers(request.headers);
  headers.set(REWRITTEN, REWRITE_TOKEN);
  const response = NextResponse.rewrite(url, { request: { headers } });
  // An editor's preview opens in the admin panel's preview pane: that origin, and only it, may frame it.
  if (request.cookies.has(DRAFT_COOKIE)) {
    response.headers.set(
      'Content-Security-Policy',
      contentSecurityPolicy({ dev: process.env.NODE_ENV === 'development', frameAncestors: adminOrigin() }),
    );
  }
  return response;
}
