import type { Image } from '@/lib/cms/strapi';

/** Plain <img>: the files are already sized by Strapi and served same-origin via app/uploads. */
export function CmsImage({
  image,
  className,
  sizes,
  priority = false,
  alt,
}: {
  image: Image;
  className?: string;
  sizes?: string;
  priority?: boolean;
  alt?: string;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={image.src}
      srcSet={image.srcSet ?? undefined}
      sizes={image.srcSet ? (sizes ?? '100vw') : undefined}
      alt={alt ?? image.alt}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      className={className}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      // The page's largest paint is decoded with the frame that shows it: an async decode let the page's scripts run
      // first, and the cover painted only after them.
      decoding={priority ? 'sync' : 'async'}
    />
  );
}
