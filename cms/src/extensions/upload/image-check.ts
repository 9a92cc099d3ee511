import path from 'node:path';
import { errors } from '@strapi/utils';
import sharp from 'sharp';
import { z } from 'zod';
import { ACCEPTED_MEDIA, IMAGE_EXTENSIONS } from '../../utils/media-types';

// Formidable's file, as Strapi's upload controllers pass it on.
const uploadedFile = z.object({
  filepath: z.string(),
  originalFilename: z.string().nullish(),
  name: z.string().nullish(),
});

/** The image type the bytes hold, read by libvips (the decoder Strapi's upload plugin resizes with), or null. */
const imageTypeOf = async (filepath: string) => {
  try {
    const { format, compression } = await sharp(filepath).metadata();
    if (format === 'heif') return compression === 'av1' ? 'image/avif' : null;
    return format === 'png' || format === 'jpeg' || format === 'webp' || format === 'gif' ? `image/${format}` : null;
  } catch {
    return null;
  }
};

/**
 * Refuses a file whose bytes are not an accepted image, or whose name's extension is not that image's. Strapi's own
 * check (plugin::upload security.allowedTypes) trusts the extension and declared type when its detector does not
 * know the content: an HTML page named photo.png and declared image/png passes it. The file is then served under its
 * extension's type, so the extension must agree with the bytes too.
 * @throws ValidationError (400) naming the file and what is accepted.
 */
export const assertImage = async (input: unknown) => {
  const file = uploadedFile.parse(input);
  const name = file.originalFilename ?? file.name ?? path.basename(file.filepath);
  const mime = await imageTypeOf(file.filepath);
  const extensions = mime ? IMAGE_EXTENSIONS[mime] : undefined;
  if (!mime || !extensions) {
    throw new errors.ValidationError(`"${name}" is not ${ACCEPTED_MEDIA}; the media library accepts only those.`);
  }
  const extension = path.extname(name).toLowerCase();
  if (!extensions.includes(extension)) {
    const kind = mime.slice('image/'.length).toUpperCase();
    throw new errors.ValidationError(
      `"${name}" holds a ${kind} image but is named ${extension || 'without an extension'}; rename it ${extensions.join(' or ')}.`,
    );
  }
};
