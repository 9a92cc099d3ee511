'use client';

import Link from 'next/link';

/** Shown when the CMS is down and nothing for this page is cached yet. */
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="error-page" role="alert">
      <h1>This page is taking a break</h1>
      <p>We could not load it just now. This is on our side, not yours: please try again in a minute.</p>
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>{' '}
        or <Link href="/">go to the latest reviews</Link>.
      </p>
    </div>
  );
}
