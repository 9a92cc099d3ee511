import { MAX_PAGE } from '../../../utils/query-guard';
import { SITEMAP_MAX_PAGE_SIZE } from '../services/sitemap';

/** Every text the sitemap endpoint answers with. */
export const messages = {
  unknownParameter: (names: string[]) => `Invalid query parameter: ${names.join(', ')}`,
  pageInvalid: `page must be a whole number from 1 to ${MAX_PAGE}.`,
  pageSizeInvalid: `pageSize must be a whole number from 1 to ${SITEMAP_MAX_PAGE_SIZE}.`,
};
