import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REVIEW_PATH, SCALED } from './support';

/**
 * The W3C's own HTML checker (the Nu Html Checker, vnu.jar from the `vnu-jar` package, run by Debian's Java) over
 * every kind of page a reader reaches, as served: an outside validator's view, not ours. Errors and warnings both
 * fail, so a regression such as `action=""` on the comment form or an article without a heading shows up here.
 */
const VNU = path.join(__dirname, '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
  lastLine?: number;
  extract?: string;
}

const PAGES = [
  '/',
  REVIEW_PATH,
  '/genres/drama',
  '/authors/jun-park',
  '/faq',
  '/search',
  '/search?q=cell',
  // Next alone answers an unknown slug's first request with its bare error shell (no title, no lang: the framework
  // bug in PLATFORM.md); readers reach the site through the proxy, which swaps in the complete not-found page.
  ...(SCALED ? ['/reviews/no-such-review'] : []),
];

test('every kind of page passes the W3C HTML checker with no errors and no warnings', async ({ request }) => {
  test.setTimeout(120_000);
  // A reply page, without JavaScript, answers a comment shown on the review.
  const review = await (await request.get(REVIEW_PATH)).text();
  const comment = new RegExp(`${REVIEW_PATH}/report/([a-z0-9]+)`).exec(review)?.[1];
  expect(comment, 'a comment on the review').toBeTruthy();
  const pages = [...PAGES, `${REVIEW_PATH}/reply/${comment}`];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-vnu-'));
  try {
    const files = [];
    for (const [index, page] of pages.entries()) {
      const response = await request.get(page);
      expect([200, 404], page).toContain(response.status());
      const file = path.join(dir, `${index}.html`);
      writeFileSync(file, await response.text());
      files.push(file);
    }
    let output = '';
    try {
      output = execFileSync(process.env.JAVA_PATH ?? 'java', ['-jar', VNU, '--format', 'json', '--stdout', ...files], {
        encoding: 'utf8',
        maxBuffer: 16 << 20,
      });
    } catch (error) {
      // vnu exits 1 when it reports anything; its report is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
      if (!output) throw error;
    }
    const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
    // "info" without a subtype is advice (e.g. React's `<meta ... />` trailing slashes), not a finding.
    const findings = messages.filter((m) => m.type === 'error' || m.subType === 'warning');
    const readable = findings.map(
      (m) =>
        `${pages[Number(path.basename(m.url, '.html').replace(/^.*\//, ''))]} line ${m.lastLine}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}`,
    );
    expect(readable).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
