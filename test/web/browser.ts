import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
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
  context: BrowserContext;
  /** Every request the pages made to any origin other than the app's own. Must stay empty. */
  externalRequests: string[];
  close(): Promise<void>;
}

export async function startBrowser(
  appOrigin: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cg-chromium-'));
  await mkdir(ARTEFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
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
    viewport: { width: 1024, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const externalRequests: string[] = [];
  const origin = new URL(appOrigin).origin;
  // axe-core is loaded into every page up front (once per document) instead of injected per audit.
  await context.addInitScript({ content: AXE_SOURCE });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    externalRequests.push(url);
    return route.abort();
  });
  return {
    context,
    externalRequests,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
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
