import Link from 'next/link';

/**
 * The reader's links (here, on cards, on the review page) do not prefetch: on a phone, prefetching every link in view
 * downloads and parses a payload per link just as the page becomes interactive (most of its blocking time), and
 * every page is in the proxy's cache, so a click asks one fast request instead.
 */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap header-inner">
        <Link prefetch={false} href="/" className="brand">
          Marquee<span className="brand-tag">film reviews</span>
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link prefetch={false} href="/">
                Reviews
              </Link>
            </li>
            <li>
              <Link prefetch={false} href="/faq">
                FAQ
              </Link>
            </li>
          </ul>
        </nav>
        <search>
          <form action="/search" method="get" className="search-form">
            <label htmlFor="site-search" className="sr-only">
              Search reviews
            </label>
            <input id="site-search" name="q" type="search" placeholder="Search reviews" />
            <button type="submit">Search</button>
          </form>
        </search>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>
          Marquee ·{' '}
          <Link prefetch={false} href="/feed.xml">
            RSS feed
          </Link>{' '}
          ·{' '}
          <Link prefetch={false} href="/faq">
            FAQ
          </Link>
        </p>
      </div>
    </footer>
  );
}
