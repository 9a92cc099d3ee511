import { defineConfig, devices } from '@playwright/test';

/**
 * The reader's whole path in a real browser, against a production build of the web and a real CMS with the demo
 * content. `npm test` at the root starts both (scripts/stack.mjs) and passes their addresses in E2E_* variables;
 * `npm test -- e2e:scaled` runs the same suite, and e2e/scaled, through the caching proxy (scripts/scaled.mjs).
 * Uses Debian's Chromium (CHROME_PATH, else /usr/bin/chromium): never `playwright install`.
 */
export default defineConfig({
  testDir: './e2e',
  // e2e/scaled needs the production topology (proxy, two replicas): `npm test -- e2e:scaled` sets E2E_TOPOLOGY.
  testIgnore: process.env.E2E_TOPOLOGY === 'scaled' ? [] : ['scaled/**'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3000',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
