import { NextResponse, type NextRequest } from 'next/server'

/**
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
  ],
}

export function proxy(request: NextRequest): NextResponse {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const [, , slug = '', sub, page] = request.nextUrl.pathname.split('/')
  const url = request.nextUrl.clone()
  url.pathname = `/reviews/${slug}/personal`
  if (sub === 'comments' && page) url.searchParams.set('cpage', page)
  return NextResponse.rewrite(url)
}
