import type { Core } from '@strapi/strapi';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enqueue, runDigest, setLastDigest, verifyToken } from '../../src/mail';
import { bootStrapi, createDatabase, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { commentInput, createReview, postComment, setModeration, unique } from '../helpers/fixtures';
import { startSmtp, waitFor, type Received, type SmtpServer } from '../helpers/smtp';

const SITE = 'https://site.example';
const CMS = 'https://cms.example';
const JOB = 'api::mail-job.mail-job';
const COMMENT = 'api::comment.comment';

const mailEnv = (smtp: SmtpServer, extra: Record<string, string> = {}) => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SMTP_USER: '',
  MAIL_FROM: 'Marquee <mail@site.example>',
  MAIL_UNSUBSCRIBE_MAILTO: 'unsubscribe@site.example',
  MAIL_POLL_MS: '100',
  MAIL_BASE_DELAY_MS: '300',
  MAIL_ATTEMPTS: '4',
  CLIENT_URL: SITE,
  PUBLIC_URL: CMS,
  ...extra,
});

/** No job is due or being sent: whatever the worker was going to do now, it has done. */
const queueSettled = (strapi: Core.Strapi) =>
  waitFor(
    async () =>
      (await strapi.db.query(JOB).count({
        where: { $or: [{ state: 'sending' }, { state: 'queued', nextAttemptAt: { $lte: new Date() } }] },
      })) === 0,
    'the mail queue to settle',
  );

const linkIn = (message: Received, path: string) => {
  const match = new RegExp(`${SITE.replace(/\./g, '\\.')}${path}\\?token=([A-Za-z0-9_-]+)`).exec(
    message.mail.text ?? '',
  );
  if (!match?.[1]) throw new Error(`No ${path} link in "${message.mail.subject}"`);
  return match[1];
};

/** A header as it was sent, unfolded (mailparser files List-* headers away in its own shape). */
const rawHeader = (message: Received, name: string) => {
  const head = message.raw.replace(/\r\n/g, '\n').split('\n\n')[0] ?? '';
  const unfolded = head.replace(/\n[ \t]+/g, ' ');
  return unfolded
    .split('\n')
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    .map((line) => line.slice(name.length + 1).trim());
};

const forward = (app: TestApp, action: 'confirm' | 'unsubscribe', token: string, bearer = TEST_SECRETS.WEB_API_TOKEN) =>
  app.api().post(`/api/mail/${action}`).set('Authorization', `Bearer ${bearer}`).send({ data: { token } });

const createAdmin = async (strapi: Core.Strapi, roleCode: string, isActive = true) => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${unique(roleCode)}@staff.example`;
  await strapi.db
    .query('admin::user')
    .create({ data: { firstname: 'Staff', lastname: roleCode, email, isActive, blocked: false, roles: [role.id] } });
  return email;
};

describe('email notifications', () => {
  let smtp: SmtpServer;
  let app: TestApp;
  let review: string;
  let reviewSlug: string;
  let moderator: string;
  let superAdmin: string;
  let inactiveModerator: string;
  let editor: string;

  const approve = (documentId: string, moderationStatus = 'approved') =>
    app.strapi.documents(COMMENT).update({ documentId, data: { moderationStatus } as never });

  /** Posts as a new reader with both boxes ticked and confirms the address from the email it gets. */
  const confirmedReader = async () => {
    const email = `${unique('follower')}@readers.example`;
    await postComment(
      app,
      commentInput(review, { authorEmail: email, notifyReplies: true, notifyApproval: true }),
    ).expect(201);
    const confirmation = await waitFor(() => smtp.to(email)[0], 'the confirmation email');
    await forward(app, 'confirm', linkIn(confirmation, '/mail/confirm')).expect(200);
    return email;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await bootStrapi(mailEnv(smtp));
    await setModeration(app.strapi, { floodIntervalSeconds: 0, mailHourlyLimit: 1000, moderatorEmails: 'each' });
    reviewSlug = unique('mailed');
    review = (await createReview(app.strapi, { slug: reviewSlug, title: 'Mailed review' })).documentId;
    moderator = await createAdmin(app.strapi, 'marquee-moderator');
    superAdmin = await createAdmin(app.strapi, 'strapi-super-admin');
    inactiveModerator = await createAdmin(app.strapi, 'marquee-moderator', false);
    editor = await createAdmin(app.strapi, 'strapi-editor');
  });

  afterAll(async () => {
    await app.stop();
    await smtp.close();
  });

  it('sends an unconfirmed address its confirmation and nothing else, even once its comment is approved', async () => {
    const reader = `${unique('new')}@readers.example`;
    const posted = await postComment(
      app,
      commentInput(review, { authorEmail: reader, notifyReplies: true, notifyApproval: true }),
    ).expect(201);
    const confirmation = await waitFor(() => smtp.to(reader)[0], 'the confirmation email');
    expect(confirmation.mail.subject).toBe('Confirm your email address for Marquee');
    expect(confirmation.mail.from?.value).toEqual([{ name: 'Marquee', address: 'mail@site.example' }]);

    await approve(posted.body.data.documentId);
    // Someone else's approved comment on the same review would be a follow-up for this reader.
    const other = await postComment(app, commentInput(review)).expect(201);
    await approve(other.body.data.documentId);
    await queueSettled(app.strapi);
    expect(smtp.to(reader)).toHaveLength(1);
    const held = await app.strapi.db
      .query(JOB)
      .findMany({ where: { recipient: reader, kind: { $ne: 'confirmation' } } });
    expect(
      held
        .map((job: { kind: string; state: string; lastError: string }) => [job.kind, job.state, job.lastError])
        .sort(),
    ).toEqual([
      ['approved', 'skipped', 'Address not confirmed'],
      ['follow-up', 'skipped', 'Address not confirmed'],
    ]);

    // Confirming sends what waited for it.
    await forward(app, 'confirm', linkIn(confirmation, '/mail/confirm')).expect(200, { data: { status: 'confirmed' } });
    await waitFor(() => smtp.to(reader).length === 3, 'the emails that waited for the confirmation');
    const subjects = smtp
      .to(reader)
      .map((message) => message.mail.subject)
      .sort();
    expect(subjects).toEqual([
      'Confirm your email address for Marquee',
      'New comment on “Mailed review”',
      'Your comment on “Mailed review” is published',
    ]);
    const published = smtp.to(reader).find((message) => message.mail.subject?.includes('is published'));
    expect(published?.mail.text).toContain(`${SITE}/reviews/${reviewSlug}#comment-${posted.body.data.documentId}`);
  });

  it('puts one-click unsubscribe headers and a signed unsubscribe link on every email', async () => {
    expect(smtp.received.length).toBeGreaterThan(3);
    for (const message of smtp.received) {
      const recipient = message.to[0] ?? '';
      expect(rawHeader(message, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
      const [listUnsubscribe] = rawHeader(message, 'List-Unsubscribe');
      const match =
        /^<https:\/\/site\.example\/api\/mail\/unsubscribe\?token=([A-Za-z0-9_-]+)>, <mailto:unsubscribe@site\.example\?subject=unsubscribe>$/.exec(
          listUnsubscribe ?? '',
        );
      expect(match?.[1]).toBeDefined();
      expect(verifyToken(process.env.APP_KEYS ?? '', 'unsubscribe', match?.[1], Date.now())).toEqual({
        ok: true,
        email: recipient,
      });
      // The address is sealed, not just signed: it cannot be read from the URL in a proxy's log.
      expect(Buffer.from(match?.[1] ?? '', 'base64url').toString('latin1')).not.toContain(recipient.split('@')[0]);
      expect(
        verifyToken(process.env.APP_KEYS ?? '', 'unsubscribe', linkIn(message, '/api/mail/unsubscribe'), Date.now()),
      ).toEqual({ ok: true, email: recipient });
      expect(message.mail.html).toContain('Unsubscribe');
      expect(message.mail.text).toBeTruthy();
    }
  });

  it('refuses a tampered, mistyped or wrong-purpose token, and any caller but the web', async () => {
    const reader = `${unique('tamper')}@readers.example`;
    await postComment(app, commentInput(review, { authorEmail: reader, notifyApproval: true })).expect(201);
    const token = linkIn(await waitFor(() => smtp.to(reader)[0], 'the confirmation email'), '/mail/confirm');
    const bytes = Buffer.from(token, 'base64url');
    const flipped = (at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 1;
      return copy.toString('base64url');
    };
    for (const bad of [flipped(20), flipped(bytes.length - 1), token.slice(0, -4), 'nonsense', '']) {
      const response = await forward(app, 'confirm', bad).expect(400);
      expect(response.body.error.details).toEqual({ reason: 'invalid' });
    }
    const unsubscribeToken = linkIn(smtp.to(reader)[0] as Received, '/api/mail/unsubscribe');
    await forward(app, 'confirm', unsubscribeToken).expect(400);
    await forward(app, 'confirm', token, 'not-the-web-token').expect(401);
    await app.api().post('/api/mail/confirm').send({ data: { token } }).expect(403);
    const subscriber = await app.strapi.db
      .query('api::mail-subscriber.mail-subscriber')
      .findOne({ where: { email: reader } });
    expect(subscriber.confirmedAt).toBeNull();
  });

  it('tells followers of a review about approved comments only, never held or spam ones, and not about their own', async () => {
    const follower = await confirmedReader();
    const before = smtp.to(follower).length;
    const writer = `${unique('writer')}@readers.example`;
    const held = await postComment(
      app,
      commentInput(review, { authorEmail: writer, body: `Held words here ${unique('b')}` }),
    ).expect(201);
    const spam = await postComment(app, commentInput(review, { honeypot: 'I am a bot' })).expect(201);
    await approve(spam.body.data.documentId, 'spam');
    await queueSettled(app.strapi);
    expect(smtp.to(follower)).toHaveLength(before);
    expect(
      smtp.received.some(
        (message) =>
          message.to.some((to) => !to.endsWith('@staff.example')) && message.mail.text?.includes('Held words here'),
      ),
    ).toBe(false);

    await approve(held.body.data.documentId);
    const followUp = await waitFor(
      () => smtp.to(follower).find((message) => message.mail.text?.includes('Held words here')),
      'the follow-up',
    );
    expect(followUp.mail.subject).toBe('New comment on “Mailed review”');

    const own = await postComment(app, commentInput(review, { authorEmail: follower })).expect(201);
    await approve(own.body.data.documentId);
    await queueSettled(app.strapi);
    expect(smtp.to(follower).filter((message) => message.mail.subject?.startsWith('New comment'))).toHaveLength(1);
  });

  it('emails each active moderator and super admin about a held comment, with a link to it in the desk', async () => {
    const posted = await postComment(app, commentInput(review, { body: `Please moderate me ${unique('m')}` })).expect(
      201,
    );
    const documentId = posted.body.data.documentId;
    const desk = `${CMS}/admin/moderation?tab=pending&comment=${documentId}`;
    for (const staff of [moderator, superAdmin]) {
      const message = await waitFor(
        () => smtp.to(staff).find((m) => m.mail.text?.includes(desk)),
        `the moderator email to ${staff}`,
      );
      expect(message.mail.subject).toBe('Comment awaiting moderation on “Mailed review”');
      expect(message.mail.text).toContain('Please moderate me');
      expect(message.mail.html).toContain(desk.replace(/&/g, '&amp;'));
    }
    await queueSettled(app.strapi);
    expect(smtp.to(inactiveModerator)).toHaveLength(0);
    expect(smtp.to(editor)).toHaveLength(0);
  });

  it('escapes a malicious name and comment in the HTML part and keeps the subject on one line', async () => {
    const name = '<img src=x onerror=alert(1)>\nBcc: victim@example.com';
    const body = `<script>alert("x")</script> & <b>bold</b> ${unique('x')}`;
    await postComment(app, commentInput(review, { authorName: name, body })).expect(201);
    const message = await waitFor(
      () => smtp.to(moderator).find((m) => m.mail.text?.includes('<script>alert("x")</script>')),
      'the email',
    );
    expect(message.mail.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
    );
    expect(message.mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(message.mail.html).not.toMatch(/<script|<img|<b>/);
    expect(message.to).toEqual([moderator]);
    expect(message.mail.headers.has('bcc')).toBe(false);
  });

  it('sends moderators one digest of the comments held since the last one, when set to digest', async () => {
    await setModeration(app.strapi, { moderatorEmails: 'digest', digestMinutes: 30 });
    await setLastDigest(app.strapi, new Date());
    const before = smtp.to(moderator).length;
    const first = await postComment(app, commentInput(review, { body: `Digest one ${unique('d')}` })).expect(201);
    const second = await postComment(app, commentInput(review, { body: `Digest two ${unique('d')}` })).expect(201);
    await queueSettled(app.strapi);
    expect(smtp.to(moderator)).toHaveLength(before);

    // Half an hour on: the worker's clock is the real one, so the digest is run as it will be then.
    expect(await runDigest(app.strapi, new Date(Date.now() + 31 * 60_000))).toBe(2);
    const digest = await waitFor(
      () => smtp.to(moderator).find((m) => m.mail.subject === '2 comments awaiting moderation on Marquee'),
      'the digest',
    );
    expect(digest.mail.text).toContain(`${CMS}/admin/moderation?tab=pending&comment=${first.body.data.documentId}`);
    expect(digest.mail.text).toContain(`${CMS}/admin/moderation?tab=pending&comment=${second.body.data.documentId}`);
    await waitFor(
      () => smtp.to(superAdmin).some((m) => m.mail.subject === '2 comments awaiting moderation on Marquee'),
      'the super admin digest',
    );
    await queueSettled(app.strapi);
    expect(smtp.to(moderator)).toHaveLength(before + 1);
    await setModeration(app.strapi, { moderatorEmails: 'each' });
    await setLastDigest(app.strapi, new Date());
  });

  it('stops every email to an address unsubscribed with its one-click link', async () => {
    const follower = await confirmedReader();
    const token = linkIn(smtp.to(follower)[0] as Received, '/api/mail/unsubscribe');
    await forward(app, 'unsubscribe', token).expect(200, { data: { status: 'unsubscribed' } });
    const before = smtp.to(follower).length;
    const posted = await postComment(app, commentInput(review)).expect(201);
    await approve(posted.body.data.documentId);
    await queueSettled(app.strapi);
    expect(smtp.to(follower)).toHaveLength(before);
    expect(
      await app.strapi.db.query('api::mail-subscription.mail-subscription').count({ where: { email: follower } }),
    ).toBe(0);
  });

  it('holds an address to its hourly limit: the email over it waits for the next window', async () => {
    await setModeration(app.strapi, { mailHourlyLimit: 2 });
    const staff = `${unique('capped')}@staff.example`;
    for (const n of [1, 2, 3]) {
      await enqueue(app.strapi, {
        kind: 'moderator',
        recipient: staff,
        email: { subject: `Capped ${n}`, text: 'text', html: '<p>html</p>' },
      });
    }
    await waitFor(() => smtp.to(staff).length === 2, 'two emails');
    await queueSettled(app.strapi);
    expect(smtp.to(staff)).toHaveLength(2);
    const waiting = await app.strapi.db.query(JOB).findOne({ where: { recipient: staff, state: 'queued' } });
    expect(waiting.lastError).toBe('Hourly limit of 2 reached');
    const wait = new Date(waiting.nextAttemptAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(59 * 60_000);
    expect(wait).toBeLessThanOrEqual(60 * 60_000 + 1000);
    await setModeration(app.strapi, { mailHourlyLimit: 1000 });
  });

  it('retries with growing delays while the SMTP server refuses, then delivers once', async () => {
    const staff = `${unique('retry')}@staff.example`;
    smtp.refuse(staff, 2);
    await enqueue(app.strapi, {
      kind: 'moderator',
      recipient: staff,
      email: { subject: 'Retried', text: 'text', html: '<p>html</p>' },
    });
    await waitFor(() => smtp.to(staff).length === 1, 'the delivery after two refusals');
    const times = smtp.attempts.filter((attempt) => attempt.to === staff).map((attempt) => attempt.at);
    expect(times).toHaveLength(3);
    const [t0 = 0, t1 = 0, t2 = 0] = times;
    expect(t1 - t0).toBeGreaterThanOrEqual(300);
    expect(t2 - t1).toBeGreaterThanOrEqual(600);
    // The server has the message a moment before the worker records that it was sent.
    const job = await waitFor(
      () => app.strapi.db.query(JOB).findOne({ where: { recipient: staff, state: 'sent' } }),
      'the job to be sent',
    );
    expect(job).toMatchObject({ attempts: 3, lastError: null });
  });

  it('gives up after the last attempt and records why', async () => {
    const staff = `${unique('refused')}@staff.example`;
    smtp.refuse(staff, 10);
    await enqueue(app.strapi, {
      kind: 'moderator',
      recipient: staff,
      email: { subject: 'Never', text: 'text', html: '<p>html</p>' },
    });
    const job = await waitFor(
      () => app.strapi.db.query(JOB).findOne({ where: { recipient: staff, state: 'failed' } }),
      'the job to fail',
    );
    expect(job.attempts).toBe(4);
    expect(job.lastError).toMatch(/451/);
    expect(smtp.to(staff)).toHaveLength(0);
  });
});

describe('the mail queue across a restart', () => {
  it('sends after a restart what was queued before it', async () => {
    const smtp = await startSmtp();
    const database = await createDatabase();
    try {
      // A worker that would not poll for ten minutes: the CMS stops before it sends anything.
      const first = await bootStrapi(mailEnv(smtp, { MAIL_POLL_MS: '600000' }), { database });
      await enqueue(first.strapi, {
        kind: 'moderator',
        recipient: 'survivor@staff.example',
        email: { subject: 'Survived', text: 'text', html: '<p>html</p>' },
      });
      await first.stop();
      expect(smtp.received).toHaveLength(0);

      const second = await bootStrapi(mailEnv(smtp), { database });
      try {
        const message = await waitFor(
          () => smtp.to('survivor@staff.example')[0],
          'the email queued before the restart',
        );
        expect(message.mail.subject).toBe('Survived');
      } finally {
        await second.stop();
      }
    } finally {
      await database.drop();
      await smtp.close();
    }
  });
});

describe('email without an SMTP server (development)', () => {
  it('writes each email as an .eml file under the outbox and logs its subject', async () => {
    const outbox = mkdtempSync(path.join(os.tmpdir(), 'marquee-outbox-'));
    const app = await bootStrapi({ SMTP_HOST: '', MAIL_OUTBOX_DIR: outbox, MAIL_POLL_MS: '100', CLIENT_URL: SITE });
    const logged: string[] = [];
    const info = jest.spyOn(app.strapi.log, 'info').mockImplementation((message: unknown) => {
      logged.push(String(message));
      return app.strapi.log;
    });
    try {
      await enqueue(app.strapi, {
        kind: 'moderator',
        recipient: 'dev@staff.example',
        email: { subject: 'Written to disk', text: 'Plain part', html: '<p>HTML part</p>' },
      });
      const file = await waitFor(
        () => readdirSync(outbox).find((name) => name.endsWith('-moderator.eml')),
        'the .eml file',
      );
      const raw = readFileSync(path.join(outbox, file), 'utf8');
      expect(raw).toMatch(/^Subject: Written to disk$/m);
      expect(raw).toMatch(/^To: dev@staff\.example$/m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(raw).toContain('Plain part');
      expect(raw).toContain('<p>HTML part</p>');
      // The file is written first and the subject logged after it: wait for the line rather than race it.
      const line = await waitFor(
        () => logged.find((entry) => entry.includes('"Written to disk"') && entry.includes('.eml')),
        'the subject to be logged',
      );
      expect(line).toContain(path.basename(outbox));
      await waitFor(
        () => app.strapi.db.query(JOB).findOne({ where: { recipient: 'dev@staff.example', state: 'sent' } }),
        'the job to be sent',
      );
      // Nothing half-written is left beside it.
      expect(readdirSync(outbox)).toEqual([file]);
    } finally {
      info.mockRestore();
      await app.stop();
      rmSync(outbox, { recursive: true, force: true });
    }
  });
});
