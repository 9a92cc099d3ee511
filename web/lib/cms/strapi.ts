import { z } from 'zod';

/** Strapi's shared shapes (envelope, pagination, media). Only lib/cms sees these; pages see the reshaped results. */

export const paginationSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Pagination = z.infer<typeof paginationSchema>;

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), meta: z.object({ pagination: paginationSchema }) });
}

export function unpaginatedListEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    meta: z.object({ pagination: paginationSchema.optional() }).loose().optional(),
  });
}

export function singleEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: item, meta: z.object({}).loose().optional() });
}

export const isoDate = z.iso.datetime({ offset: true });

/**
 * Strapi uploads are paths under CMS_URL, served by this site at the same path (app/uploads proxies them),
 * so a page never names the CMS origin. An absolute https URL (a cloud upload provider) passes through.
 */
export function toPublicMediaUrl(url: string): string | null {
  if (/^\/uploads\/[^\s]+$/.test(url) && !url.includes('..')) return url;
  if (/^https:\/\/[^\s]+$/.test(url)) return url;
  return null;
}

/** One of Strapi's resized copies (thumbnail, small, medium, large); anything else in `formats` is ignored. */
const formatSchema = z.object({ url: z.string(), width: z.number().int().positive() });

/** `srcset` from Strapi's resized copies plus the original, narrowest first; null when there is nothing to choose. */
function srcSetOf(
  formats: Record<string, unknown> | null | undefined,
  src: string,
  width: number | null | undefined,
): string | null {
  const candidates = Object.values(formats ?? {}).flatMap((f) => {
    const parsed = formatSchema.safeParse(f);
    const url = parsed.success ? toPublicMediaUrl(parsed.data.url) : null;
    return parsed.success && url ? [{ url, width: parsed.data.width }] : [];
  });
  if (candidates.length === 0) return null;
  if (width) candidates.push({ url: src, width });
  const byWidth = new Map(candidates.map((c) => [c.width, c.url]));
  return [...byWidth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([w, url]) => `${url} ${w}w`)
    .join(', ');
}

export const mediaSchema = z
  .object({
    id: z.number(),
    documentId: z.string().optional(),
    url: z.string(),
    alternativeText: z.string().nullable().optional(),
    width: z.number().nullable().optional(),
    height: z.number().nullable().optional(),
    mime: z.string(),
    formats: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .transform((m) => {
    const src = toPublicMediaUrl(m.url);
    if (src === null) return null;
    return {
      src,
      alt: m.alternativeText ?? '',
      width: m.width ?? null,
      height: m.height ?? null,
      mime: m.mime,
      srcSet: srcSetOf(m.formats, src, m.width),
    };
  });
export type Image = NonNullable<z.output<typeof mediaSchema>>;

/** A missing relation and a media URL we refuse to serve both become null. */
export const optionalMedia = mediaSchema
  .nullable()
  .optional()
  .transform((m) => m ?? null);

/** Page numbers from the query string: anything odd becomes page 1. */
export function toPageNumber(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
