// End-to-end tests: the release build in dist/, served on loopback, driven in Debian's
// Chromium. Screenshots land in target/e2e/screenshots (kept as test artifacts).
import { defineConfig } from '@playwright/test';

// DIST and E2E_PORT let several builds be tested side by side.
const port = Number(process.env.E2E_PORT ?? 8090);
const dist = process.env.DIST ?? '../../dist';
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  // The machine is small (2 cores) and busy while building; give the wasm app time.
  expect: { timeout: 15_000 },
  forbidOnly: true,
  outputDir: '../../target/e2e/test-results',
  reporter: [['list'], ['json', { outputFile: '../../target/e2e/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 860 },
    // The viewer sits in the calendar's zone and speaks English unless a test says
    // otherwise (timezones.spec.mjs, languages.spec.mjs), whatever this machine's zone.
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node serve.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
