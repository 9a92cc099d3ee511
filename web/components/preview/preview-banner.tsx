/** Shown on the review rendered for an editor in draft mode (see app/reviews/[slug]/personal). */
export function PreviewBanner() {
  return (
    <div className="preview-banner" role="region" aria-label="Preview mode">
      <p>
        <strong>Preview mode</strong>: you are seeing unpublished drafts. Readers do not.{' '}
        <a href="/api/preview/exit">Exit preview</a>
      </p>
    </div>
  );
}
