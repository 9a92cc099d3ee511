import { NextResponse, type NextRequest } from 'next/server'

/**
 * Runs only for the requests that need it (the matcher): everyone else gets the cached page without this step.
 *
 * A path that does not decode (`/reviews/%ff%fe`) answers the not-found page with 404.
 *
 * A server action posted from another origin answers 403 here (Next's own check would throw, a 500).
 *
 * A comment or report post (the server action, with or without JavaScript) larger than any comment form can send is refused
 * here with 413, before Next reads it (the caching proxy refuses it too; this holds when the web is reached
 * directly).
 *
 * A review requested by a reader who holds a cookie of their own (a comment awaiting moderation, the answer to a
 * post made without JavaScript, an editor's draft mode), or who replies to a comment without JavaScript
 * (`?replyTo=`), is rendered for them alone by /reviews/[slug]/personal. The matcher runs this only for those
 * requests: everyone else gets the cached page without this step. The cookie names are lib/comments/cookies.ts's
 * (a matcher must be a literal).
 */
export const config = {
  matcher: [
    { source: '/reviews/:slug', has: [{ type: 'cookie', key: 'mq_pending' }] },
    { source: '/reviews/:slug', has: [{ type: 'cookie', key: 'mq_flash' }] },
    { source: '/reviews/:slug', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    { source: '/reviews/:slug', has: [{ type: 'query', key: 'replyTo' }] },
    { source: '/reviews/:slug/comments/:page', has: [{ type: 'cookie', key: 'mq_pending' }] },
    { source: '/reviews/:slug/comments/:page', has: [{ type: 'cookie', key: 'mq_flash' }] },
    { source: '/reviews/:slug/comments/:page', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    // Any path with a percent-escaped byte above 0x7f: rare, and possibly not UTF-8 at all.
    '/:path(.*%[89a-fA-F][0-9a-fA-F].*)',
    { source: '/reviews/:slug', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/reviews/:slug', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
    { source: '/reviews/:slug/report/:comment', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/reviews/:slug/report/:comment', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
}

/** The comment form's fields at their limits, in any encoding, stay well below this. */
const MAX_POST_BYTES = 64 * 1024

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/** Review, genre and author slugs are Strapi uids: lower-case ASCII letters, digits and dashes. */
const SLUG_PATH = /^\/(?:reviews|genres|authors)\/([^/]*)/

/** The pages with a personal rendering: a review and its numbered comment pages. */
const PERSONAL_PAGE = /^\/reviews\/[a-z0-9-]+(?:\/comments\/[0-9]+)?$/

/** Next's own rule for server actions: the Origin's host must be the forwarded host (or Host). No Origin passes. */
function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin')
  if (origin === null) return false
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

export function proxy(request: NextRequest): NextResponse {
  // A path that is not valid UTF-8 names nothing here, nor does a slug no uid can be: the site's not-found page
  // (Next itself would answer 500).
  const { pathname } = request.nextUrl
  const pathSlug = SLUG_PATH.exec(pathname)?.[1]
  if (!decodes(pathname) || (pathSlug !== undefined && !/^[a-z0-9-]+$/.test(pathSlug))) {
    return NextResponse.rewrite(new URL('/__not_found', request.url), { status: 404 })
  }
  if (request.method === 'POST') {
    if (foreignOrigin(request)) {
      return new NextResponse('Forbidden: this form may be sent from the site itself only.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    }
    const length = Number(request.headers.get('content-length') ?? 0)
    if (!request.headers.has('content-length') || length > MAX_POST_BYTES) {
      return new NextResponse('Too large: a comment is at most 5,000 characters.', { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    }
    return NextResponse.next()
  }
  // Anything else that matched (a report page, any path with a non-ASCII escape) is the same for everyone.
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !PERSONAL_PAGE.test(pathname)) return NextResponse.next()
  const [, , slug = '', sub, page] = pathname.split('/')
  const url = request.nextUrl.clone()
  url.pathname = `/reviews/${slug}/personal`
  if (sub === 'comments' && page) url.searchParams.set('cpage', page)
  return NextResponse.rewrite(url)
}
