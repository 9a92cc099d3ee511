import Link from 'next/link'

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap header-inner">
        <Link href="/" className="brand">
          Marquee<span className="brand-tag">film reviews</span>
        </Link>
        <nav aria-label="Main">
          <ul>
            <li><Link href="/">Reviews</Link></li>
            <li><Link href="/faq">FAQ</Link></li>
          </ul>
        </nav>
        <search>
          <form action="/search" method="get" className="search-form">
            <label htmlFor="site-search" className="sr-only">Search reviews</label>
            <input id="site-search" name="q" type="search" placeholder="Search reviews" />
            <button type="submit">Search</button>
          </form>
        </search>
      </div>
    </header>
  )
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>
          Marquee · <Link href="/feed.xml">RSS feed</Link> · <Link href="/faq">FAQ</Link>
        </p>
      </div>
    </footer>
  )
}
