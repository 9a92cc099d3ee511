/**
 * The media Marquee accepts: every media field (posters, covers, avatars, share images) allows images only, and of
 * images only the raster formats a browser shows. SVG is left out on purpose: it is a document that can carry script.
 */
export const IMAGE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
  'image/avif': ['.avif'],
  'image/gif': ['.gif'],
};

export const IMAGE_TYPES = Object.keys(IMAGE_EXTENSIONS);

export const ACCEPTED_MEDIA = 'a PNG, JPEG, WebP, AVIF or GIF image';

/** True when a file name ends in one of the accepted images' extensions. */
export const hasImageExtension = (name: string) => {
  const lower = name.toLowerCase();
  return Object.values(IMAGE_EXTENSIONS).some((extensions) =>
    extensions.some((extension) => lower.endsWith(extension)),
  );
};
