import type { Metadata } from 'next'
import { connection } from 'next/server'
import { FaqList } from '@/components/reviews/review-body'
import { JsonLd } from '@/components/seo/json-ld'
import { listSiteFaqs } from '@/lib/cms/faqs'
import { env } from '@/lib/env'
import { faqJsonLd } from '@/lib/seo'
import { CmsUnavailable } from '@/components/layout/cms-unavailable'
import { loadFromCms } from '@/lib/cms/unavailable'

/**
 * Rendered in one piece at request time (data from the 'use cache' fetchers), not streamed behind a loading
 * boundary: streamed content is revealed by inline scripts, and this page must read, and its comment form
 * work, with JavaScript off.
 */
export const instant = false

export async function generateMetadata(): Promise<Metadata> {
  await connection()
  return {
    title: 'Frequently asked questions',
    description: 'How Marquee rates films, handles spoilers and moderates comments.',
    alternates: { canonical: `${env().SITE_URL}/faq` },
  }
}

export default async function FaqPage() {
  // Read at request time (and cached), so the build never needs the CMS.
  await connection()
  const loaded = await loadFromCms(() => listSiteFaqs())
  if (!loaded.ok) return <CmsUnavailable retryHref="/faq" />
  const faqs = loaded.data
  return (
    <>
      {faqs.length > 0 ? <JsonLd data={faqJsonLd(faqs)} /> : null}
      {faqs.length === 0 ? (
        <>
          <h1>Frequently asked questions</h1>
          <p>No questions yet.</p>
        </>
      ) : (
        <FaqList faqs={faqs} id="faq" title="Frequently asked questions" headingLevel={1} />
      )}
    </>
  )
}
