import Link from 'next/link';

export default function ReviewNotFound() {
  return (
    <div className="error-page">
      <h1>We could not find that review</h1>
      <p>It may have been renamed or taken down, or the link may be mistyped.</p>
      <ul>
        <li>
          <Link href="/">Browse the latest reviews</Link>
        </li>
        <li>
          <Link href="/search">Search all reviews</Link>
        </li>
      </ul>
    </div>
  );
}
