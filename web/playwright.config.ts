import { defineConfig, devices } from '@playwright/test'

/**
 * Browser tests against a running web (and CMS). Uses the system Chromium: never `playwright install`.
 * `E2E_BASE_URL=http://localhost:3000 npm run e2e`
 */
export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3000',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    { name: 'chromium-no-js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: false } },
  ],
})
