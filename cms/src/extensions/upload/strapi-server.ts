import { z } from 'zod';
import { assertImage } from './image-check';

type Method = (...args: unknown[]) => Promise<unknown>;
type ServiceFactory = (context: unknown) => Record<string, unknown>;
interface UploadPlugin {
  services: Record<string, unknown>;
}

const isFactory = (value: unknown): value is ServiceFactory => typeof value === 'function';
const isMethod = (value: unknown): value is Method => typeof value === 'function';

// `upload({ data, files })` takes one file or a list, `replace(id, { data, file })` one.
const uploadInput = z.object({ files: z.unknown(), file: z.unknown() }).partial();

const filesOf = (input: unknown): unknown[] => {
  const { files, file } = uploadInput.parse(input);
  const given = files ?? file;
  if (given === undefined || given === null) return [];
  return Array.isArray(given) ? given : [given];
};

/**
 * Every way into the media library (admin panel, content API, upload from URLs, replacing a file) ends in the upload
 * service's `upload` or `replace`: each file's bytes are checked there, after Strapi's own type check.
 */
export default (plugin: UploadPlugin) => {
  const factory = plugin.services.upload;
  if (!isFactory(factory)) throw new Error('the upload plugin has no upload service to extend');
  plugin.services.upload = (context: unknown) => {
    const service = factory(context);
    const { upload, replace } = service;
    if (!isMethod(upload) || !isMethod(replace)) throw new Error('the upload service has no upload or replace');
    return {
      ...service,
      async upload(input: unknown, ...rest: unknown[]) {
        for (const file of filesOf(input)) await assertImage(file);
        return upload(input, ...rest);
      },
      async replace(id: unknown, input: unknown, ...rest: unknown[]) {
        for (const file of filesOf(input)) await assertImage(file);
        return replace(id, input, ...rest);
      },
    };
  };
  return plugin;
};
