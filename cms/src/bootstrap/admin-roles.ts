import type { Core } from '@strapi/strapi';
import { DESK_ACTIONS } from '../api/moderation-desk/admin';
import { NEWSROOM_ACTIONS } from '../api/newsroom/admin';
import { internals, type AdminPermission } from '../strapi/internals';

const EDITOR_SUBJECTS = ['api::review.review', 'api::film.film', 'api::author.author', 'api::genre.genre', 'api::faq.faq', 'api::redirect.redirect'];
const MODERATOR_SUBJECTS = ['api::comment.comment', 'api::comment-report.comment-report', 'api::moderation-setting.moderation-setting'];
const MEDIA_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];
const READ = 'plugin::content-manager.explorer.read';

type Permission = AdminPermission;

/** Every content-manager permission, with all fields, on the given content types. */
const contentPermissions = (strapi: Core.Strapi, subjects: string[], only?: (actionId: string) => boolean): Permission[] => {
  const actions = internals(strapi)
    .permissions()
    .actionProvider.values()
    .filter((action) => action.section === 'contentTypes' && (!only || only(action.actionId)));
  const everything = Object.keys(strapi.contentTypes);
  return internals(strapi).contentTypes().getPermissionsWithNestedFields(actions, { restrictedSubjects: everything.filter((uid) => !subjects.includes(uid)) });
};

/**
 * Editor: reviews, films, authors, genres, FAQs and media. Moderator: comments and moderation settings, and may read
 * reviews to see what a comment answers. Both are set to exactly these permissions at every start.
 */
export const ensureAdminRoles = async (strapi: Core.Strapi) => {
  const roles = internals(strapi).roles();
  const ensure = async (code: string, name: string, description: string) =>
    (await roles.findOne({ code })) ?? (await roles.create({ name, code, description }));

  const editor = await ensure('strapi-editor', 'Editor', 'Writes and publishes reviews, films, authors, genres and FAQs.');
  await roles.assignPermissions(editor.id, [
    ...contentPermissions(strapi, EDITOR_SUBJECTS),
    ...MEDIA_ACTIONS.map((action) => ({ action })),
    // The moderation desk, and turning a reader's question into a draft FAQ (an editor's call: FAQs are theirs).
    { action: DESK_ACTIONS.use },
    { action: DESK_ACTIONS.promoteFaq },
    // The newsroom: drafts, the schedule, revisions and the activity log.
    { action: NEWSROOM_ACTIONS.use },
  ]);

  const moderator = await ensure('marquee-moderator', 'Moderator', 'Moderates reader comments and the moderation settings.');
  await roles.assignPermissions(moderator.id, [
    ...contentPermissions(strapi, MODERATOR_SUBJECTS),
    ...contentPermissions(strapi, ['api::review.review'], (actionId) => actionId === READ),
    // The desk, and readers' personal data (their comments are the moderators'); not FAQs, which editors write.
    { action: DESK_ACTIONS.use },
    { action: DESK_ACTIONS.personalData },
  ]);
};
