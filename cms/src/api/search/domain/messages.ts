import { MAX_PAGE } from '../../../utils/query-guard';

/** Every text the search endpoint answers with. */
export const messages = {
  queryMissing: 'q must be a search text.',
  queryTooLong: 'q must be at most 200 characters.',
  pageInvalid: `page must be a whole number from 1 to ${MAX_PAGE}.`,
  pageSizeInvalid: 'pageSize must be a whole number from 1.',
};
