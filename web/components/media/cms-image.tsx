import type { Image } from '@/lib/cms/strapi'

/** Plain <img>: the files are already sized by Strapi and served same-origin via app/uploads. */
export function CmsImage({ image, className, sizes, priority = false, alt }: { image: Image; className?: string; sizes?: string; priority?: boolean; alt?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={image.src}
      alt={alt ?? image.alt}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      className={className}
      sizes={sizes}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
    />
  )
}
