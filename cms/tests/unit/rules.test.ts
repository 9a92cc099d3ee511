import {
  checkFormToken,
  cleanText,
  countLinks,
  findListedWord,
  hashIp,
  moderate,
  nameKey,
  parseSubmission,
  parseWordList,
  signFormToken,
  type ModerationInput,
} from '../../src/api/comment/domain/rules';

const valid = { authorName: 'Ada', authorEmail: 'ada@example.com', body: 'Nice review', review: 'doc123' };

describe('parseSubmission', () => {
  it('accepts a minimal comment and lower-cases the email', () => {
    const result = parseSubmission({ ...valid, authorEmail: 'Ada@Example.COM' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ authorEmail: 'ada@example.com', authorWebsite: null, parent: null }),
    });
  });

  it('names every missing required field', () => {
    const result = parseSubmission({ review: 'doc123' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path[0]).sort()).toEqual(['authorEmail', 'authorName', 'body']);
  });

  it('refuses fields outside the allowlist, such as moderationStatus', () => {
    const result = parseSubmission({ ...valid, moderationStatus: 'approved', ipHash: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['moderationStatus'] }),
        expect.objectContaining({ path: ['ipHash'] }),
      ]),
    );
  });

  it('rejects an invalid email and one over 254 characters', () => {
    expect(parseSubmission({ ...valid, authorEmail: 'not-an-email' }).ok).toBe(false);
    expect(parseSubmission({ ...valid, authorEmail: `${'a'.repeat(250)}@example.com` }).ok).toBe(false);
  });

  it('caps the name at 100 characters and the body at 5,000 after trimming', () => {
    expect(parseSubmission({ ...valid, authorName: 'n'.repeat(101) }).ok).toBe(false);
    expect(parseSubmission({ ...valid, body: 'b'.repeat(5001) }).ok).toBe(false);
    expect(parseSubmission({ ...valid, body: `   ${'b'.repeat(5000)}   ` }).ok).toBe(true);
    expect(parseSubmission({ ...valid, body: '  \n\t  ' }).ok).toBe(false);
  });

  it('accepts http(s) websites, adds a scheme when missing, and refuses other schemes', () => {
    const site = (authorWebsite: string) => {
      const result = parseSubmission({ ...valid, authorWebsite });
      return result.ok ? result.value.authorWebsite : 'invalid';
    };
    expect(site('https://ada.example.org/films')).toBe('https://ada.example.org/films');
    expect(site('ada.example.org')).toBe('https://ada.example.org/');
    expect(site('')).toBeNull();
    expect(site('javascript:alert(1)')).toBe('invalid');
    expect(site('ftp://ada.example.org')).toBe('invalid');
  });
});

describe('cleanText', () => {
  it('strips NUL and other control characters but keeps line breaks in a body', () => {
    expect(cleanText('a\u0000b\u0007c\r\nd\u009f', true)).toBe('abc\nd');
  });

  it('flattens line breaks in single-line fields', () => {
    expect(cleanText(' Ada\n\tLovelace ', false)).toBe('Ada Lovelace');
  });

  it.each([
    ['right-to-left override (U+202E), shown reversed', '\u202Emoc.elgoog', 'moc.elgoog'],
    [
      'left-to-right and right-to-left embeddings and the pop (U+202A, U+202B, U+202C)',
      '\u202AAda\u202B Lovelace\u202C',
      'Ada Lovelace',
    ],
    ['left-to-right override (U+202D)', 'A\u202Dda', 'Ada'],
    ['isolates (U+2066 to U+2069)', '\u2066A\u2067d\u2068a\u2069', 'Ada'],
    ['marks (U+200E, U+200F, U+061C)', 'A\u200Ed\u200Fa\u061C', 'Ada'],
    ['zero-width space (U+200B)', 'ca\u200Bsino', 'casino'],
    ['word joiner (U+2060) and byte order mark (U+FEFF)', '\uFEFFca\u2060sino', 'casino'],
    ['zero-width non-joiner and joiner between Latin letters (U+200C, U+200D)', 'ca\u200Csi\u200Dno', 'casino'],
    ['a joiner next to an emoji but not between two', 'Ada\u200D\u{1F600}', 'Ada\u{1F600}'],
  ])('removes %s', (_name, input, expected) => {
    expect(cleanText(input, false)).toBe(expected);
    expect(cleanText(input, true)).toBe(expected);
  });

  it.each([
    ['woman technologist', '\u{1F469}\u200D\u{1F4BB}'],
    ['family', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
    ['rainbow flag (emoji, variation selector, joiner)', '\u{1F3F3}\uFE0F\u200D\u{1F308}'],
    ['astronaut with a skin tone', '\u{1F9D1}\u{1F3FD}\u200D\u{1F680}'],
    ['Persian word with its zero-width non-joiner', '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'],
    ['Hindi half form with its zero-width joiner', '\u0915\u094D\u200D\u0937'],
  ])('keeps the joiner that builds the %s', (_name, input) => {
    expect(cleanText(`Ada ${input}`, false)).toBe(`Ada ${input}`);
  });

  it('normalises to NFC, so the same name typed two ways is one string', () => {
    expect(cleanText('Ame\u0301lie', false)).toBe('Am\u00E9lie');
    expect(cleanText('e\u200B\u0301', false)).toBe('\u00E9');
  });
});

describe('invisible characters in a submission', () => {
  it('refuses a name made only of invisible characters', () => {
    const result = parseSubmission({ ...valid, authorName: '\u202E\u200B\u2066\uFEFF \u200D' });
    expect(result).toEqual({ ok: false, errors: [{ path: ['authorName'], message: 'Please enter your name.' }] });
  });

  it('refuses a body made only of invisible characters', () => {
    const result = parseSubmission({ ...valid, body: '\u200B\n\u202E' });
    expect(result).toEqual({ ok: false, errors: [{ path: ['body'], message: 'Please write a comment.' }] });
  });

  it('cleans the name and body it accepts', () => {
    const result = parseSubmission({ ...valid, authorName: '\u202EAda\u202C', body: 'Great\u200B film\u2066!' });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ authorName: 'Ada', body: 'Great film!' }) });
  });

  it('lets the word lists see a word split by a zero-width space', () => {
    const parsed = parseSubmission({ ...valid, body: 'best ca\u200Bsino' });
    if (!parsed.ok) throw new Error('expected the body to parse');
    expect(findListedWord(['casino'], [parsed.value.body])).toBe('casino');
  });
});

describe('links and word lists', () => {
  it('counts links with a scheme or starting with www', () => {
    expect(countLinks('see http://a.example and https://b.example or www.c.example')).toBe(3);
    expect(countLinks('no links here, just example.com')).toBe(0);
  });

  it('reads one entry per line or comma', () => {
    expect(parseWordList('casino\n  cheap pills , viagra\n\n')).toEqual(['casino', 'cheap pills', 'viagra']);
    expect(parseWordList(null)).toEqual([]);
  });

  it('matches whole words and phrases, ignoring case', () => {
    expect(findListedWord(['casino'], ['Best CASINO bonus'])).toBe('casino');
    expect(findListedWord(['ass'], ['a classic film'])).toBeNull();
    expect(findListedWord(['cheap pills'], ['buy cheap pills now'])).toBe('cheap pills');
  });
});

describe('form token', () => {
  const secret = 'form-secret';
  const now = 1_700_000_000_000;

  it('accepts a token signed with the secret and old enough', () => {
    expect(checkFormToken(signFormToken(secret, now - 5000), secret, now, 3)).toBe('ok');
  });

  it('flags a form submitted faster than a person could', () => {
    expect(checkFormToken(signFormToken(secret, now - 1000), secret, now, 3)).toBe('too-fast');
  });

  it('refuses a missing, forged or future token', () => {
    expect(checkFormToken(null, secret, now, 3)).toBe('invalid');
    expect(checkFormToken(signFormToken('other-secret', now - 5000), secret, now, 3)).toBe('invalid');
    expect(checkFormToken(`${now - 5000}.${'0'.repeat(64)}`, secret, now, 3)).toBe('invalid');
    expect(checkFormToken(signFormToken(secret, now + 120_000), secret, now, 3)).toBe('invalid');
  });
});

describe('hashIp', () => {
  it('is stable for one key and differs between keys, never containing the address', () => {
    const hash = hashIp('203.0.113.7', 'k1');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIp('203.0.113.7', 'k1')).toBe(hash);
    expect(hashIp('203.0.113.7', 'k2')).not.toBe(hash);
  });
});

describe('nameKey', () => {
  it('reads names alike whatever their case, width, spacing or punctuation', () => {
    expect(nameKey('Eddie Desk')).toBe('eddiedesk');
    expect(nameKey('  eDDIE   desk. ')).toBe('eddiedesk');
    expect(nameKey('Ｅｄｄｉｅ\u00a0Desk')).toBe('eddiedesk');
    expect(nameKey('Eddie Desker')).toBe('eddiedesker');
  });
});

describe('moderate', () => {
  const base: ModerationInput = {
    submission: {
      authorName: 'Ada',
      authorEmail: 'ada@example.com',
      authorWebsite: null,
      body: 'Nice review',
      honeypot: '',
    },
    formToken: 'ok',
    settings: { linkThreshold: 2, heldWords: ['refund'], blockedWords: ['casino'], autoApproveReturning: true },
    returning: false,
    impersonatesStaff: false,
  };
  const withBody = (body: string): ModerationInput => ({ ...base, submission: { ...base.submission, body } });

  it('holds a first-time commenter', () => {
    expect(moderate(base)).toEqual({ status: 'pending', reason: 'First-time commenter' });
  });

  it('approves a returning commenter when the setting is on, and holds them when it is off', () => {
    expect(moderate({ ...base, returning: true }).status).toBe('approved');
    expect(
      moderate({ ...base, returning: true, settings: { ...base.settings, autoApproveReturning: false } }).status,
    ).toBe('pending');
  });

  it("holds a returning commenter who uses a staff member's email or name", () => {
    expect(moderate({ ...base, returning: true, impersonatesStaff: true })).toEqual({
      status: 'pending',
      reason: "Uses a staff member's email or name",
    });
  });

  it('holds a comment with links at the threshold, even from a returning commenter', () => {
    expect(moderate({ ...withBody('http://a.example http://b.example'), returning: true })).toEqual({
      status: 'pending',
      reason: 'Contains 2 links',
    });
    expect(moderate({ ...withBody('one link http://a.example'), returning: true }).status).toBe('approved');
  });

  it('holds a held word and sends a blocked word to spam', () => {
    expect(moderate({ ...withBody('I want a refund'), returning: true }).status).toBe('pending');
    expect(moderate({ ...withBody('best casino'), returning: true })).toEqual({
      status: 'spam',
      reason: 'Contains the blocked word "casino"',
    });
  });

  it('sends a filled honeypot, a forged token and a too-fast form to spam', () => {
    expect(moderate({ ...base, submission: { ...base.submission, honeypot: 'http://bot' } }).status).toBe('spam');
    expect(moderate({ ...base, formToken: 'invalid' }).status).toBe('spam');
    expect(moderate({ ...base, formToken: 'too-fast' }).status).toBe('spam');
  });
});
