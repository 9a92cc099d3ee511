import { draftMode } from 'next/headers'

export async function PreviewBanner() {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  return (
    <div className="preview-banner" role="region" aria-label="Preview mode">
      <p>
        <strong>Preview mode</strong>: you are seeing unpublished drafts. Readers do not.{' '}
        <a href="/api/preview/exit">Exit preview</a>
      </p>
    </div>
  )
}
