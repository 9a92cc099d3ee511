import Link from 'next/link';
import { keepBriefly } from '@/lib/cms/unavailable';

/**
 * Server-rendered, so it reads without JavaScript. Cached only briefly (see keepBriefly): a page that could not
 * reach the CMS must not be kept in place of the real one (shared caches serve their last good copy instead).
 */
export async function CmsUnavailable({ retryHref }: { retryHref: string }) {
  await keepBriefly();
  return (
    <div className="error-page" role="alert">
      <h1>This page is taking a break</h1>
      <p>We could not load it just now. This is on our side, not yours: please try again in a minute.</p>
      <p>
        <a href={retryHref}>Try again</a> or <Link href="/">go to the latest reviews</Link>.
      </p>
    </div>
  );
}
