import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FaqList } from '@/components/reviews/review-body';
import { JsonLd } from '@/components/seo/json-ld';
import { listSiteFaqs } from '@/lib/cms/faqs';
import { env } from '@/lib/env';
import { faqJsonLd } from '@/lib/seo';
import { CmsUnavailable } from '@/components/layout/cms-unavailable';
import { loadFromCms } from '@/lib/cms/unavailable';
import { PARAM_PLACEHOLDER } from '@/lib/static-params';

/**
 * The site-wide FAQ: `/faq` is rewritten to `/faq/site` (next.config.ts). A dynamic segment on purpose: it renders
 * on its first request, not at build (when the CMS may be absent), and is cached after that, refreshed by the CMS's
 * change notices (lib/static-params.ts). Any other scope is not found.
 */
export async function generateStaticParams() {
  return [{ scope: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';
async function read(params: PageProps<'/faq/[scope]'>['params']) {
  if ((await params).scope !== 'site') notFound();
}

export async function generateMetadata({ params }: PageProps<'/faq/[scope]'>): Promise<Metadata> {
  await read(params);
  return {
    title: 'Frequently asked questions',
    description: 'How Marquee rates films, handles spoilers and moderates comments.',
    alternates: { canonical: `${env().SITE_URL}/faq` },
  };
}

export default async function FaqPage({ params }: PageProps<'/faq/[scope]'>) {
  await read(params);
  const loaded = await loadFromCms(() => listSiteFaqs());
  if (!loaded.ok) return <CmsUnavailable retryHref="/faq" />;
  const faqs = loaded.data;
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
  );
}
