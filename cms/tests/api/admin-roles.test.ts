import { bootStrapi, createDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';
import { unique } from '../helpers/fixtures';

let database: TestDatabase;
let app: TestApp;
const PASSWORD = 'Roles-Passw0rd!';
const CM = 'plugin::content-manager.explorer';

const TYPES = [
  'api::comment.comment',
  'api::comment-report.comment-report',
  'api::mail-job.mail-job',
  'api::mail-subscriber.mail-subscriber',
  'api::mail-subscription.mail-subscription',
  'api::moderation-desk.privacy-log',
  'api::moderation-setting.moderation-setting',
  'api::review.review',
  'api::faq.faq',
] as const;

const ALL = ['create', 'delete', 'read', 'update'];
const WITH_PUBLISH = ['create', 'delete', 'publish', 'read', 'update'];
const NONE: string[] = [];
const READ = ['read'];
// Types without Draft & Publish: a stored "publish" right on them does nothing, so it is left out of the table.
const NO_DRAFTS = new Set<string>(TYPES.filter((type) => type !== 'api::review.review' && type !== 'api::faq.faq'));

/** Each role's content-manager rights on each type, as they must stand after every start. */
const EXPECTED: Record<string, Record<(typeof TYPES)[number], string[]>> = {
  'strapi-super-admin': {
    'api::comment.comment': ALL,
    'api::comment-report.comment-report': ALL,
    // Written by the mail queue only: the panel shows them read-only.
    'api::mail-job.mail-job': READ,
    'api::mail-subscriber.mail-subscriber': READ,
    'api::mail-subscription.mail-subscription': READ,
    'api::moderation-desk.privacy-log': ALL,
    'api::moderation-setting.moderation-setting': ALL,
    'api::review.review': WITH_PUBLISH,
    'api::faq.faq': WITH_PUBLISH,
  },
  'strapi-editor': {
    'api::comment.comment': NONE,
    'api::comment-report.comment-report': NONE,
    'api::mail-job.mail-job': NONE,
    'api::mail-subscriber.mail-subscriber': NONE,
    'api::mail-subscription.mail-subscription': NONE,
    'api::moderation-desk.privacy-log': NONE,
    'api::moderation-setting.moderation-setting': NONE,
    'api::review.review': WITH_PUBLISH,
    'api::faq.faq': WITH_PUBLISH,
  },
  'marquee-moderator': {
    'api::comment.comment': ALL,
    'api::comment-report.comment-report': ALL,
    'api::mail-job.mail-job': NONE,
    'api::mail-subscriber.mail-subscriber': NONE,
    'api::mail-subscription.mail-subscription': NONE,
    'api::moderation-desk.privacy-log': NONE,
    'api::moderation-setting.moderation-setting': ALL,
    'api::review.review': READ,
    'api::faq.faq': NONE,
  },
  'strapi-author': {
    'api::comment.comment': NONE,
    'api::comment-report.comment-report': NONE,
    'api::mail-job.mail-job': NONE,
    'api::mail-subscriber.mail-subscriber': NONE,
    'api::mail-subscription.mail-subscription': NONE,
    'api::moderation-desk.privacy-log': NONE,
    'api::moderation-setting.moderation-setting': NONE,
    // Strapi's Author writes drafts (of their own, by its is-creator condition) and publishes nothing.
    'api::review.review': ALL,
    'api::faq.faq': ALL,
  },
  intern: {
    'api::comment.comment': NONE,
    'api::comment-report.comment-report': NONE,
    'api::mail-job.mail-job': NONE,
    'api::mail-subscriber.mail-subscriber': NONE,
    'api::mail-subscription.mail-subscription': NONE,
    'api::moderation-desk.privacy-log': NONE,
    'api::moderation-setting.moderation-setting': NONE,
    'api::review.review': READ,
    'api::faq.faq': NONE,
  },
};

const roleId = async (code: string) => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) throw new Error(`no role ${code}`);
  return Number(role.id);
};

const grant = async (code: string, subject: string, actions: string[]) => {
  const role = await roleId(code);
  for (const action of actions) {
    await app.strapi.db.query('admin::permission').create({
      data: { action: `${CM}.${action}`, actionParameters: {}, subject, properties: {}, conditions: [], role },
    });
  }
};

const rights = async (code: string) => {
  const permissions: { action: string; subject: string | null }[] = await app.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: await roleId(code) } }, select: ['action', 'subject'] });
  return Object.fromEntries(
    TYPES.map((type) => [
      type,
      [
        ...new Set(
          permissions
            .filter((p) => p.subject === type && p.action.startsWith(`${CM}.`))
            .map((p) => p.action.slice(CM.length + 1))
            .filter((action) => !(action === 'publish' && NO_DRAFTS.has(type))),
        ),
      ].sort(),
    ]),
  );
};

const loginAs = async (code: string) => {
  const email = `${unique(code)}@marquee.test`;
  await (
    app.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> }
  ).create({
    email,
    firstname: 'Role',
    lastname: code,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [await roleId(code)],
  });
  return `Bearer ${(await app.api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token}`;
};

beforeAll(async () => {
  database = await createDatabase();
  app = await bootStrapi({}, { database });
  // What an admin could do in the panel between two starts: give the Author, and a role of their own, rights on
  // readers' data and the desk.
  await (
    app.strapi.service('admin::role') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> }
  ).create({
    name: 'Intern',
    code: 'intern',
    description: 'Reads reviews',
  });
  await grant('intern', 'api::review.review', ['read']);
  for (const type of TYPES.slice(0, 7)) {
    await grant('strapi-author', type, ALL);
    await grant('intern', type, ALL);
  }
  await app.strapi.db.query('admin::permission').create({
    data: {
      action: 'api::moderation-desk.use',
      actionParameters: {},
      properties: {},
      conditions: [],
      role: await roleId('intern'),
    },
  });
  await app.stop();
  app = await bootStrapi({}, { database });
});

afterAll(async () => {
  await app.stop();
  await database.drop();
});

describe('admin roles after a start', () => {
  it.each(Object.keys(EXPECTED))('gives %s exactly its rights on each type', async (code) => {
    expect(await rights(code)).toEqual(EXPECTED[code]);
  });

  it('leaves roles Marquee does not define no way onto the moderation desk', async () => {
    const desk = await app.strapi.db.query('admin::permission').count({
      where: {
        action: { $startsWith: 'api::moderation-desk.' },
        role: { code: { $in: ['strapi-author', 'intern'] } },
      },
    });
    expect(desk).toBe(0);
  });

  it.each(['strapi-author', 'intern'])(
    'answers 403 when %s creates an approved staff comment or a privacy-log entry',
    async (code) => {
      const auth = await loginAs(code);
      const comment = await app
        .api()
        .post('/content-manager/collection-types/api::comment.comment')
        .set('Authorization', auth)
        .send({
          authorName: 'Marquee Staff',
          authorEmail: 'staff@marquee.test',
          body: 'Official',
          moderationStatus: 'approved',
          isStaff: true,
        });
      expect(comment.status).toBe(403);
      const log = await app
        .api()
        .post('/content-manager/collection-types/api::moderation-desk.privacy-log')
        .set('Authorization', auth)
        .send({ action: 'export' });
      expect(log.status).toBe(403);
      expect(
        (await app.api().get('/content-manager/collection-types/api::comment.comment').set('Authorization', auth))
          .status,
      ).toBe(403);
      expect(await app.strapi.db.query('api::comment.comment').count()).toBe(0);
    },
  );
});
