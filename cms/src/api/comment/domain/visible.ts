/**
 * What readers see of the comments: approved, and not hidden by readers' reports until a moderator decides. The one
 * definition: the public list, the thread index, reports and change notices all ask it.
 */
export const VISIBLE = { moderationStatus: 'approved', hiddenByReports: false } as const;

/** The same rule for a comment row already read. */
export const isVisible = (row: { moderationStatus?: unknown; hiddenByReports?: unknown }) =>
  row.moderationStatus === VISIBLE.moderationStatus && row.hiddenByReports !== true;
