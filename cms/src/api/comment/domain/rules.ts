/**
 * The comment rules that need no database: input parsing, text clean-up, link and word checks, the form's signed
 * render time, and the decision between pending, approved and spam. Modelled on WordPress's comment handling.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { heldReasons, messages } from './messages';

export const MAX_DEPTH = 3;
export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'spam';

// C0 controls but tab and newline, DEL, and C1 controls: invisible, and PostgreSQL refuses NUL outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Bidi embeddings, overrides, isolates and marks (LRE..RLO, LRI..PDI, LRM, RLM, ALM) and zero-width spaces (ZWSP,
// WORD JOINER, BOM): invisible, they show a name or comment in another order than it was typed ("moc.elgoog" shown as
// "google.com") or split a listed word so that the word lists miss it.
const INVISIBLE_CHARS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/g;

// ZWNJ and ZWJ are kept only where they change what is shown: ZWJ between two emoji (👩‍💻 is woman + ZWJ + laptop;
// after an emoji may come a variation selector or skin tone), and either joiner between letters of the scripts that
// write with them (Persian "می‌خواهم" needs its ZWNJ, Malayalam and Sinhala their ZWJ). Anywhere else they are removed.
const JOINERS = /[\u200C\u200D]/g;
// eslint-disable-next-line no-misleading-character-class -- with the u flag each is one code point, matched alone on purpose
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
]
  .map((script) => `\\p{Script=${script}}`)
  .join('');
const SCRIPT_BEFORE = new RegExp(`[${JOINING_SCRIPTS}]$`, 'u');
const SCRIPT_AFTER = new RegExp(`^[${JOINING_SCRIPTS}]`, 'u');

const keepJoiner = (joiner: string, offset: number, whole: string) => {
  // Four UTF-16 units hold an emoji and its skin tone; one character after is enough to look ahead.
  const before = whole.slice(Math.max(0, offset - 4), offset);
  const after = whole.slice(offset + 1, offset + 3);
  return (
    (joiner === '\u200D' && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after)) ||
    (SCRIPT_BEFORE.test(before) && SCRIPT_AFTER.test(after))
  );
};

/**
 * Removes control, bidi and zero-width characters (keeping line breaks where `multiline`, and joiners where they
 * join), normalises line ends and Unicode composition (NFC, so "é" is one form whichever way it was typed), trims.
 */
export const cleanText = (value: string, multiline: boolean): string => {
  const visible = value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(INVISIBLE_CHARS, '')
    .replace(JOINERS, (joiner: string, offset: number, whole: string) =>
      keepJoiner(joiner, offset, whole) ? joiner : '',
    )
    .normalize('NFC');
  return (multiline ? visible : visible.replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ')).trim();
};

const text = (multiline: boolean) =>
  z.preprocess((value) => (typeof value === 'string' ? cleanText(value, multiline) : value), z.string());

const website = text(false)
  .pipe(z.string().max(200, messages.websiteTooLong))
  .transform((value, ctx) => {
    if (value === '') return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(withScheme);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return url.toString();
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: messages.websiteInvalid });
    return z.NEVER;
  });

/** What a comment submission may contain; anything else is refused rather than silently stored. */
export const submissionSchema = z.strictObject(
  {
    authorName: text(false).pipe(z.string().min(1, messages.nameRequired).max(100, messages.nameTooLong)),
    authorEmail: text(false).pipe(
      z.string().min(1, messages.emailRequired).max(254, messages.emailTooLong).pipe(z.email(messages.emailInvalid)),
    ),
    authorWebsite: website.nullish().transform((value) => value ?? null),
    body: text(true).pipe(z.string().min(1, messages.bodyRequired).max(5000, messages.bodyTooLong)),
    review: z.string(messages.reviewRequired).trim().min(1, messages.reviewRequired).max(64),
    parent: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .nullish()
      .transform((value) => value ?? null),
    // Optional stars for the film, apart from the critic's score; a form's "no rating" arrives as null or "".
    rating: z
      .preprocess(
        (value) => (value === '' ? null : value),
        z.int(messages.ratingInvalid).min(1, messages.ratingInvalid).max(5, messages.ratingInvalid).nullish(),
      )
      .transform((value) => value ?? null),
    honeypot: z.string().max(1000).nullish(),
    formToken: z.string().max(200).nullish(),
    /** Email me when someone else's comment on this review is approved. */
    notifyReplies: z.boolean().optional(),
    /** Email me when this comment is approved. */
    notifyApproval: z.boolean().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? messages.unknownField : undefined) },
);

export type Submission = z.infer<typeof submissionSchema>;

export interface FieldError {
  path: string[];
  message: string;
}

export const parseSubmission = (
  raw: unknown,
): { ok: true; value: Submission } | { ok: false; errors: FieldError[] } => {
  const result = submissionSchema.safeParse(raw);
  if (result.success)
    return { ok: true, value: { ...result.data, authorEmail: result.data.authorEmail.toLowerCase() } };
  const errors = result.error.issues.flatMap((issue): FieldError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [key], message: messages.unknownField }))
      : [{ path: issue.path.map(String), message: issue.message }],
  );
  return { ok: false, errors };
};

/** Counts web addresses the way a spammer writes them: with a scheme or starting with www. */
export const countLinks = (body: string): number => (body.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length;

/** One entry per line or comma; blank entries dropped. */
export const parseWordList = (list: string | null | undefined): string[] =>
  (list ?? '')
    .split(/[\n,]/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first listed word or phrase that stands as a whole word in any of the texts, ignoring case. */
export const findListedWord = (words: string[], texts: string[]): string | null => {
  const haystack = texts.join('\n');
  return (
    words.find((word) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(haystack),
    ) ?? null
  );
};

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

/** The token the web puts in each form it renders: `<renderedAtMs>.<hmac>`. */
export const signFormToken = (secret: string, renderedAtMs: number): string =>
  `${renderedAtMs}.${sign(secret, String(renderedAtMs))}`;

export type FormTokenCheck = 'ok' | 'too-fast' | 'invalid';

export const checkFormToken = (
  token: string | null | undefined,
  secret: string,
  nowMs: number,
  minSeconds: number,
): FormTokenCheck => {
  const match = /^(\d{10,16})\.([0-9a-f]{64})$/.exec(token ?? '');
  if (!match || !secret) return 'invalid';
  const [, renderedAt = '', signature = ''] = match;
  const expected = Buffer.from(sign(secret, renderedAt), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'invalid';
  const elapsedMs = nowMs - Number(renderedAt);
  if (elapsedMs < -60_000) return 'invalid';
  return elapsedMs < minSeconds * 1000 ? 'too-fast' : 'ok';
};

/** A keyed hash: comparable for flood checks, useless to anyone who reads the database without the key. */
export const hashIp = (ip: string, secret: string): string => createHmac('sha256', secret).update(ip).digest('hex');

export interface Verdict {
  status: ModerationStatus;
  reason: string | null;
}

export interface ModerationInput {
  submission: Pick<Submission, 'authorName' | 'authorEmail' | 'authorWebsite' | 'body' | 'honeypot'>;
  formToken: FormTokenCheck;
  settings: { linkThreshold: number; heldWords: string[]; blockedWords: string[]; autoApproveReturning: boolean };
  /** The email already has an approved comment. */
  returning: boolean;
  /** The email is an admin user's, or the name is one shown with the Staff badge. */
  impersonatesStaff: boolean;
}

/** A name as a reader would read it: case, width, spacing and punctuation do not tell two names apart. */
export const nameKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Spam for bots and blocked words, pending for links, held words and newcomers, approved for known readers. */
export const moderate = ({
  submission,
  formToken,
  settings,
  returning,
  impersonatesStaff,
}: ModerationInput): Verdict => {
  if (submission.honeypot) return { status: 'spam', reason: heldReasons.honeypot };
  if (formToken === 'invalid') return { status: 'spam', reason: heldReasons.badFormToken };
  if (formToken === 'too-fast') return { status: 'spam', reason: heldReasons.tooFast };

  const texts = [submission.authorName, submission.authorEmail, submission.authorWebsite ?? '', submission.body];
  const blocked = findListedWord(settings.blockedWords, texts);
  if (blocked) return { status: 'spam', reason: heldReasons.blockedWord(blocked) };

  const links = countLinks(submission.body);
  if (links >= settings.linkThreshold) return { status: 'pending', reason: heldReasons.links(links) };
  const held = findListedWord(settings.heldWords, texts);
  if (held) return { status: 'pending', reason: heldReasons.heldWord(held) };

  // A reader must not appear as staff without a moderator's look, however well known the address.
  if (impersonatesStaff) return { status: 'pending', reason: heldReasons.staffIdentity };
  if (returning && settings.autoApproveReturning) return { status: 'approved', reason: null };
  return { status: 'pending', reason: heldReasons.firstTime };
};
