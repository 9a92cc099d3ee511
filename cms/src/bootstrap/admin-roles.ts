import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { DESK_ACTIONS } from '../api/moderation-desk/admin';
import { NEWSROOM_ACTIONS } from '../api/newsroom/admin';
import { internals, type AdminPermission } from '../strapi/internals';

const EDITOR_SUBJECTS = [
  'api::review.review',
  'api::film.film',
  'api::author.author',
  'api::genre.genre',
  'api::faq.faq',
  'api::redirect.redirect',
];
const MODERATOR_SUBJECTS = [
  'api::comment.comment',
  'api::comment-report.comment-report',
  'api::moderation-setting.moderation-setting',
];
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

/** Readers' data and the moderation machinery: no role but Super Admin, Editor and Moderator may touch them. */
const PRIVATE_SUBJECTS = [
  'api::comment.comment',
  'api::comment-report.comment-report',
  'api::mail-job.mail-job',
  'api::mail-subscriber.mail-subscriber',
  'api::mail-subscription.mail-subscription',
  'api::moderation-desk.privacy-log',
  'api::moderation-setting.moderation-setting',
  'api::newsroom.revision',
  'api::newsroom.activity',
];
const MARQUEE_ROLES = ['strapi-super-admin', 'strapi-editor', 'marquee-moderator'];
const heldPermissions = z.array(z.object({ id: z.number(), action: z.string(), subject: z.string().nullable() }));

/** Every content-manager permission, with all fields, on the given content types. */
const contentPermissions = (
  strapi: Core.Strapi,
  subjects: string[],
  only?: (actionId: string) => boolean,
): Permission[] => {
  const actions = internals(strapi)
    .permissions()
    .actionProvider.values()
    .filter((action) => action.section === 'contentTypes' && (!only || only(action.actionId)));
  const everything = Object.keys(strapi.contentTypes);
  return internals(strapi)
    .contentTypes()
    .getPermissionsWithNestedFields(actions, {
      restrictedSubjects: everything.filter((uid) => !subjects.includes(uid)),
    });
};

/**
 * Editor: reviews, films, authors, genres, FAQs and media. Moderator: comments and moderation settings, and may read
 * reviews to see what a comment answers. Both are set to exactly these permissions at every start, and every other
 * role but Super Admin loses any right on readers' data.
 */
export const ensureAdminRoles = async (strapi: Core.Strapi) => {
  const roles = internals(strapi).roles();
  const ensure = async (code: string, name: string, description: string) =>
    (await roles.findOne({ code })) ?? (await roles.create({ name, code, description }));

  const editor = await ensure(
    'strapi-editor',
    'Editor',
    'Writes and publishes reviews, films, authors, genres and FAQs.',
  );
  await roles.assignPermissions(editor.id, [
    ...contentPermissions(strapi, EDITOR_SUBJECTS),
    ...MEDIA_ACTIONS.map((action) => ({ action })),
    // The moderation desk, and turning a reader's question into a draft FAQ (an editor's call: FAQs are theirs).
    { action: DESK_ACTIONS.use },
    { action: DESK_ACTIONS.promoteFaq },
    // The newsroom: drafts, the schedule, revisions and the activity log.
    { action: NEWSROOM_ACTIONS.use },
  ]);

  const moderator = await ensure(
    'marquee-moderator',
    'Moderator',
    'Moderates reader comments and the moderation settings.',
  );
  await roles.assignPermissions(moderator.id, [
    ...contentPermissions(strapi, MODERATOR_SUBJECTS),
    ...contentPermissions(strapi, ['api::review.review'], (actionId) => actionId === READ),
    // The desk, and readers' personal data (their comments are the moderators'); not FAQs, which editors write.
    { action: DESK_ACTIONS.use },
    { action: DESK_ACTIONS.personalData },
  ]);

  await revokePrivateRights(strapi);
};

/**
 * Strapi's own Author role (which it creates with rights on every content type) and any role an admin adds keep
 * their other rights, but lose every right on readers' data and the moderation desk.
 */
const revokePrivateRights = async (strapi: Core.Strapi) => {
  const others = z
    .array(z.object({ id: z.number() }))
    .parse(
      await strapi.db.query('admin::role').findMany({ where: { code: { $notIn: MARQUEE_ROLES } }, select: ['id'] }),
    );
  if (others.length === 0) return;
  const held = heldPermissions.parse(
    await strapi.db.query('admin::permission').findMany({
      where: { role: { id: { $in: others.map((role) => role.id) } } },
      select: ['id', 'action', 'subject'],
    }),
  );
  const desk: string[] = [...Object.values(DESK_ACTIONS), NEWSROOM_ACTIONS.use];
  const revoked = held.filter(
    (permission) =>
      (permission.subject !== null && PRIVATE_SUBJECTS.includes(permission.subject)) ||
      desk.includes(permission.action),
  );
  if (revoked.length === 0) return;
  await internals(strapi)
    .permissions()
    .deleteByIds(revoked.map((permission) => permission.id));
  strapi.log.info(
    `Admin roles: revoked ${revoked.length} right(s) on readers' data from roles Marquee does not define`,
  );
};
