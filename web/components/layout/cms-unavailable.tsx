import Link from 'next/link'

/** Server-rendered, so it reads without JavaScript. */
export function CmsUnavailable({ retryHref }: { retryHref: string }) {
  return (
    <div className="error-page" role="alert">
      <h1>This page is taking a break</h1>
      <p>We could not load it just now. This is on our side, not yours: please try again in a minute.</p>
      <p>
        <a href={retryHref}>Try again</a> or <Link href="/">go to the latest reviews</Link>.
      </p>
    </div>
  )
}
