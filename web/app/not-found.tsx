import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="error-page">
      <h1>Page not found</h1>
      <p>Sorry, there is nothing at this address. The page may have moved, or the link may be mistyped.</p>
      <ul>
        <li>
          <Link href="/">Latest reviews</Link>
        </li>
        <li>
          <Link href="/search">Search reviews</Link>
        </li>
        <li>
          <Link href="/faq">Frequently asked questions</Link>
        </li>
      </ul>
    </div>
  );
}
