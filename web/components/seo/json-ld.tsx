import { serializeJsonLd } from '@/lib/seo';

/**
 * The one place raw markup is written: structured data must be a script's text, which React would
 * otherwise escape into invalid JSON. serializeJsonLd escapes `<` so CMS or reader text cannot end the script.
 */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
