import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const ARTEFACTS = join(process.cwd(), 'test-results', 'web');

/** Chromium is a system prerequisite: skipped loudly when absent, a failure under CI=true. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium not found at ${CHROMIUM}; it is required under CI=true.`);
  console.warn(
    `\n!!! SKIPPING the web app browser tests: Chromium not found at ${CHROMIUM} (apt-get install chromium).\n`,
  );
  return false;
}

export interface BrowserSession {
  /** A fresh context (its own storage) with the no-external-requests guard and axe-core preloaded. */
  newContext(options?: {
    colorScheme?: 'light' | 'dark';
    width?: number;
    height?: number;
  }): Promise<BrowserContext>;
  /** Every request any page made to an origin other than the app's own. Must stay empty. */
  externalRequests: string[];
  close(): Promise<void>;
}

/**
 * One Chromium for the whole suite. Playwright's launch() gives it a fresh temporary profile
 * directory (--user-data-dir) of its own and removes it on close.
 */
export async function startBrowser(appOrigin: string): Promise<BrowserSession> {
  await mkdir(ARTEFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const externalRequests: string[] = [];
  const origin = new URL(appOrigin).origin;
  return {
    externalRequests,
    async newContext(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1024, height: options.height ?? 900 },
        colorScheme: options.colorScheme ?? 'light',
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      // axe-core is loaded into every page up front (once per document) instead of injected per audit.
      await context.addInitScript({ content: AXE_SOURCE });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
          return route.continue();
        externalRequests.push(url);
        return route.abort();
      });
      return context;
    },
    close: () => browser.close(),
  };
}

/** Runs axe-core on the page (WCAG 2.0-2.2 A and AA) and saves a screenshot as a test artefact. */
export async function auditPage(page: Page, name: string): Promise<string[]> {
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        },
      ),
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  );
  return results.violations.map(
    (v) =>
      `${name}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
