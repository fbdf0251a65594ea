// End-to-end tests against the release build in dist/, on Debian's Chromium (never a
// downloaded browser), at a phone-sized and a desktop-sized viewport.
import { defineConfig } from '@playwright/test';

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { baseURL: 'http://127.0.0.1:4173/', launchOptions, serviceWorkers: 'block' },
  projects: [
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: [
    { command: 'node tests/e2e/serve.mjs', url: 'http://127.0.0.1:4173/', reuseExistingServer: false, stdout: 'ignore' },
    // A host page on another origin, for the widget.
    { command: 'node tests/e2e/serve.mjs', env: { PORT: '4174', ROLE: 'host' }, url: 'http://127.0.0.1:4174/', reuseExistingServer: false, stdout: 'ignore' },
  ],
});
