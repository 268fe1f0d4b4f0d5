/**
 * The web app end to end, as a person would use it: Debian's Chromium driven by playwright-core,
 * axe-core on every page, screenshots in test-results/web/. Skipped loudly without Chromium
 * (a failure under CI=true).
 */
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { auditPage, chromiumAvailable, startBrowser, type BrowserSession } from './browser.js';
import { startApp, type RunningApp } from './app-server.js';

const HAVE_CHROMIUM = chromiumAvailable();
/**
 * Reads a page value until the check passes (or 5 s pass): Preact renders after events
 * asynchronously, so a value read once right after a click or navigation can be stale.
 */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => void): Promise<void> {
  await vi.waitFor(async () => check(await read()), { timeout: 5000, interval: 50 });
}

const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

describe.skipIf(!HAVE_CHROMIUM)('web app in Chromium', () => {
  let app: RunningApp;
  let browser: BrowserSession;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    browser = await startBrowser(app.url);
    context = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (d) => void d.dismiss());
    await page.goto(`${app.url}#${path}`);
    await page.locator('h1').first().waitFor();
    return page;
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect(await auditPage(page, name)).toEqual([]);
  }

  it('home asks the one question, offers four big buttons, and works with the keyboard', async () => {
    const page = await open('/');
    await eventually(
      () => page.locator('h1').textContent(),
      (value) =>
        expect(value).toContain("Someone says they're from Microsoft, or another company. Are they?"),
    );
    const buttons = page.locator('.big-button');
    await eventually(
      () => buttons.count(),
      (value) => expect(value).toBe(4),
    );
    for (const label of [
      "I'm on the call now",
      'The call just ended',
      'A pop-up or email gave me a number to call',
      'I already gave them access or money',
    ]) {
      await eventually(
        () => page.getByRole('link', { name: new RegExp(label.replace(/[()]/g, '.')) }).count(),
        (value) => expect(value).toBe(1),
      );
    }
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    const box = await buttons.first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    await expectAccessible(page, 'home');

    // Keyboard only: the page starts at its heading; Tab reaches the first big button, Enter follows it.
    await eventually(
      () => page.evaluate(() => document.activeElement?.tagName),
      (value) => expect(value).toBe('H1'),
    );
    await page.keyboard.press('Tab');
    await eventually(
      () => page.evaluate(() => document.activeElement?.textContent),
      (value) => expect(value).toContain("I'm on the call now"),
    );
    const outline = await buttons.first().evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/live$/);
    await page.close();
  });

  it('guided check: one question at a time with back and skip, then a verdict with reasons, steps and sources', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: /The call just ended/ }).click();
    await page.waitForURL(/#\/guided$/);
    await expectAccessible(page, 'guided-question');
    const question = page.locator('#question-text');
    await eventually(
      () => question.textContent(),
      (value) => expect(value).toBe('Who called whom?'),
    );
    await page.getByRole('button', { name: 'They called me' }).click();
    await eventually(
      () => question.textContent(),
      (value) => expect(value).toBe('Who did they say they were?'),
    );
    // Back returns to the previous question; answering again moves on.
    await page.getByRole('button', { name: 'Back' }).click();
    await eventually(
      () => question.textContent(),
      (value) => expect(value).toBe('Who called whom?'),
    );
    await page.getByRole('button', { name: 'They called me' }).click();
    await page.getByRole('button', { name: 'Microsoft or Windows' }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click(); // did not ask for help first
    await page.getByRole('button', { name: 'Yes', exact: true }).click(); // remote access
    await page.getByRole('button', { name: 'Yes', exact: true }).click(); // password or code
    await page.getByRole('button', { name: 'Skip' }).click(); // card details: skipped
    await eventually(
      () => question.textContent(),
      (value) => expect(value).toContain('pay for help'),
    );
    // Answer targets are large.
    const target = await page.getByRole('button', { name: 'Yes', exact: true }).boundingBox();
    expect(target?.height ?? 0).toBeGreaterThanOrEqual(48);
    for (
      let i = 0;
      i < 8 && (await question.textContent()) !== 'What did your phone show when they called?';
      i++
    )
      await page.getByRole('button', { name: 'Skip' }).click();
    // The last question takes the number the phone showed as well as an answer.
    await page.getByLabel('The number it showed (if you have it)').fill('+1 888 555 0123');
    await page.getByRole('button', { name: 'Just a name or a number' }).click();
    await page.waitForURL(/#\/verdict$/);
    const banner = page.locator('.verdict-headline');
    await eventually(
      () => banner.textContent(),
      (value) => expect(value).toMatch(/scam/i),
    );
    await eventually(
      () => page.locator('.flags > li').count(),
      (value) => expect(value).toBeGreaterThan(1),
    );
    await eventually(
      () => page.locator('.flags .source').first().textContent(),
      (value) => expect(value).toMatch(/Source:/),
    );
    await eventually(
      () => page.locator('.steps > li').count(),
      (value) => expect(value).toBeGreaterThan(0),
    );
    await eventually(
      () => page.getByRole('heading', { name: 'Questions to ask the caller' }).count(),
      (value) => expect(value).toBe(1),
    );
    await eventually(
      () => page.getByRole('heading', { name: /How to reach Microsoft yourself/ }).count(),
      (value) => expect(value).toBe(1),
    );
    await expectAccessible(page, 'verdict');

    // One click from the verdict to a prefilled report.
    await page.getByRole('link', { name: 'Report this call' }).click();
    await page.waitForURL(/#\/report$/);
    await eventually(
      () => page.locator('#r-org').inputValue(),
      (value) => expect(value).toBe('Microsoft'),
    );
    await eventually(
      () => page.locator('#r-number').inputValue(),
      (value) => expect(value).toBe('+1 888 555 0123'),
    );
    await eventually(
      () => page.locator('#r-direction').inputValue(),
      (value) => expect(value).toBe('they-called'),
    );
    await eventually(
      () => page.locator('fieldset:has(legend:text("Warning signs")) input:checked').count(),
      (value) => expect(value).toBeGreaterThan(0),
    );
    await expectAccessible(page, 'report-prefilled');

    // Ready-to-file texts, written from the form, with links and copy buttons.
    await page.locator('#r-number').fill('+1 888 555 0123');
    await page.locator('#r-text').fill(`They said my computer had a virus. ${XSS}`);
    const filings = page.locator('article.filing');
    await expect
      .poll(() => filings.locator('h3').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'FTC ReportFraud',
          expect.stringMatching(/IC3/),
          expect.stringMatching(/Microsoft/),
        ]),
      );
    const ftc = filings.filter({ has: page.locator('h3', { hasText: 'FTC ReportFraud' }) });
    await eventually(
      () => ftc.locator('a').getAttribute('href'),
      (value) => expect(value).toBe('https://reportfraud.ftc.gov/'),
    );
    await expect.poll(() => ftc.locator('pre').textContent()).toContain('+1 888 555 0123');
    await eventually(
      () => ftc.locator('pre').textContent(),
      (value) => expect(value).toContain('<script>window.__xss=2</script>'),
    );
    await ftc.getByRole('button', { name: /Copy the FTC ReportFraud text/ }).click();
    await expect.poll(() => ftc.locator('.copy-status').textContent()).toContain('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('+1 888 555 0123');
    await eventually(
      () => page.getByRole('button', { name: 'Print these reports' }).count(),
      (value) => expect(value).toBe(1),
    );

    // Sharing needs explicit consent.
    const share = page.getByRole('button', { name: 'Share the report' });
    await eventually(
      () => share.isDisabled(),
      (value) => expect(value).toBe(true),
    );
    await page.getByLabel(/Yes, share this report with the CallGuard community/).check();
    await eventually(
      () => share.isDisabled(),
      (value) => expect(value).toBe(false),
    );
    await share.click();
    if (app.api) {
      await page.locator('.sent-report').waitFor();
      await eventually(
        () => page.locator('.saved-text').textContent(),
        (value) => expect(value).toContain('<script>window.__xss=2</script>'),
      );
    } else {
      await page.locator('.problem').waitFor();
    }
    await eventually(
      () => page.locator('.sent-report img, .sent-report script, .filing img, .filing script').count(),
      (value) => expect(value).toBe(0),
    );
    await eventually(
      () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      (value) => expect(value).toBeUndefined(),
    );
    await expectAccessible(page, 'report-filled');
    await page.close();
  });

  it('transcript mode: paste or upload, phrases highlighted, HTML in the transcript shown as text', async () => {
    const page = await open('/transcript');
    await expectAccessible(page, 'transcript-empty');
    const transcript = [
      'Caller: Hello, this is the Microsoft security team. Your computer has a virus.',
      `Callee: What? ${XSS}`,
      'Caller: Please install AnyDesk so I can fix it, then pay 300 dollars in gift cards.',
    ].join('\n');
    await page.locator('#transcript-text').fill(transcript);
    await page.locator('#transcript-org').fill('Microsoft');
    await page.getByRole('button', { name: 'Check it' }).click();
    await page.locator('.transcript').waitFor();
    // The verdict appears below the form: focus moves to it, so it is read out and scrolled into view.
    await eventually(
      () => page.evaluate(() => document.activeElement?.id),
      (value) => expect(value).toBe('transcript-result-heading'),
    );
    await eventually(
      () => page.locator('mark.hl').count(),
      (value) => expect(value).toBeGreaterThan(0),
    );
    await eventually(
      () => page.locator('.transcript').textContent(),
      (value) => expect(value).toContain('<script>window.__xss=2</script>'),
    );
    await eventually(
      () => page.locator('.transcript img, .transcript script').count(),
      (value) => expect(value).toBe(0),
    );
    await eventually(
      () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      (value) => expect(value).toBeUndefined(),
    );
    await expectAccessible(page, 'transcript-result');

    // The result can be copied for someone the person trusts: verdict, signs, steps; not the call's words.
    await page.getByRole('button', { name: 'Copy this result to send to someone you trust' }).click();
    await expect.poll(() => page.locator('.verdict .copy-status').textContent()).toContain('Copied');
    const shared = await page.evaluate(() => navigator.clipboard.readText());
    expect(shared).toMatch(/^CallGuard: a check of a suspicious call\n/);
    expect(shared).toContain('What to do now:\n1. ');
    expect(shared).toContain('Warning signs:\n- ');
    expect(shared).toContain('https://support.microsoft.com/contactus');
    expect(shared).not.toContain('300 dollars');
    expect(shared).not.toContain('<script>');

    // Upload a WebVTT file.
    const dir = await mkdtemp(join(tmpdir(), 'cg-web-'));
    const vtt = join(dir, 'call.vtt');
    await writeFile(
      vtt,
      'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Caller>This is Windows support, your computer is infected.\n\n00:00:05.000 --> 00:00:08.000\n<v Caller>Open AnyDesk and read me the code.\n',
    );
    await page.locator('#transcript-file').setInputFiles(vtt);
    await expect.poll(() => page.locator('#transcript-text').inputValue()).toContain('WEBVTT');
    await page.getByRole('button', { name: 'Check it' }).click();
    await eventually(
      () => page.locator('.transcript').textContent(),
      (value) => expect(value).toContain('AnyDesk'),
    );
    await eventually(
      () => page.locator('mark.hl').count(),
      (value) => expect(value).toBeGreaterThan(0),
    );
    await page.close();
  });

  it('live mode: alerts at once and a prominent warning before a code or card number is read out', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: /I'm on the call now/ }).click();
    await page.waitForURL(/#\/live$/);
    await eventually(
      () => page.getByRole('heading', { name: 'You can hang up at any time' }).count(),
      (value) => expect(value).toBe(1),
    );
    await expectAccessible(page, 'live-start');
    const say = async (text: string): Promise<void> => {
      await page.locator('#live-text').fill(text);
      await page.locator('#live-text').press('Enter');
    };
    await say('Hello, I am calling from Microsoft. Your computer has a virus and it is sending errors.');
    await page.locator('.alert-box').waitFor();
    await eventually(
      () => page.locator('.alert-box').textContent(),
      (value) => expect(value).toMatch(/Warning sign/),
    );
    await say('Now go to anydesk dot com and read me the code on your screen, and your password.');
    await page.locator('.stop-warning').waitFor();
    await eventually(
      () => page.locator('.stop-warning').textContent(),
      (value) => expect(value).toContain('Do not read it out'),
    );
    await expectAccessible(page, 'live-warning');
    await page.getByRole('button', { name: 'I understand' }).click();
    // The button goes away with the warning; focus returns to the typing box, not the top of the page.
    await eventually(
      () => page.evaluate(() => document.activeElement?.id),
      (value) => expect(value).toBe('live-text'),
    );
    await page.getByRole('button', { name: 'See the full result' }).click();
    await page.waitForURL(/#\/verdict$/);
    await eventually(
      () => page.locator('.flags > li').count(),
      (value) => expect(value).toBeGreaterThan(0),
    );
    await page.close();
  });

  it('live mode "Listen" feeds what the browser hears into the same alerts', async () => {
    // The browser's recogniser needs a microphone and (in Chromium) Google's servers, so this page gets a
    // stand-in that "hears" one sentence; what is tested is the page's handling of recognition results.
    const page = await context.newPage();
    await page.addInitScript(() => {
      class HeardOnce {
        continuous = false;
        interimResults = false;
        lang = 'en-US';
        onresult: ((e: unknown) => void) | null = null;
        onerror: ((e: unknown) => void) | null = null;
        onend: (() => void) | null = null;
        start(): void {
          setTimeout(() => {
            const transcript =
              'this is microsoft support now read me the one time code we just sent to your phone';
            this.onresult?.({ resultIndex: 0, results: [{ isFinal: true, 0: { transcript } }] });
          }, 50);
        }
        stop(): void {
          this.onend?.();
        }
      }
      Object.assign(window, { SpeechRecognition: HeardOnce, webkitSpeechRecognition: HeardOnce });
    });
    await page.goto(`${app.url}#/live`);
    await page.getByRole('button', { name: 'Listen' }).click();
    await page.locator('.stop-warning').waitFor();
    await eventually(
      () => page.locator('.live-lines').textContent(),
      (value) => expect(value).toContain('read me the one time code'),
    );
    await page.getByRole('button', { name: 'Stop listening' }).click();
    await eventually(
      () => page.getByRole('button', { name: 'Listen' }).count(),
      (value) => expect(value).toBe(1),
    );
    await page.close();
  });

  it('bad input gets a plain message, never a crash', async () => {
    const page = await open('/transcript');
    await page.getByRole('button', { name: 'Check it' }).click();
    await eventually(
      () => page.locator('.problem').textContent(),
      (value) => expect(value).toMatch(/empty/i),
    );
    const dir = await mkdtemp(join(tmpdir(), 'cg-web-'));
    const binary = join(dir, 'call.json');
    await writeFile(binary, Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x7d]));
    await page.locator('#transcript-file').setInputFiles(binary);
    await expect
      .poll(() => page.locator('#transcript-file ~ [role=status]').textContent())
      .toMatch(/not text/);
    await page.goto(`${app.url}#/guided`);
    for (let i = 0; i < 14 && (await page.locator('#question-text').count()) > 0; i++) {
      await page.getByRole('button', { name: 'Skip' }).click();
    }
    await eventually(
      () => page.locator('.problem').textContent(),
      (value) => expect(value).toMatch(/Nothing to assess/),
    );
    await page.close();
  });

  it('check a number, link or email: each item found in pasted text is checked', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: /A pop-up or email gave me a number/ }).click();
    await page.waitForURL(/#\/check\?source=popup$/);
    await eventually(
      () => page.locator('#check-source').inputValue(),
      (value) => expect(value).toBe('popup'),
    );
    await expectAccessible(page, 'check-empty');
    await page
      .locator('#check-text')
      .fill(
        'WINDOWS DEFENDER ALERT! Call Microsoft Support now: 1-888-555-0123. Visit http://microsoft-support-helpline.com/fix',
      );
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.check-item').first().waitFor();
    await eventually(
      () => page.evaluate(() => document.activeElement?.id),
      (value) => expect(value).toBe('check-results-heading'),
    );
    const items = await page.locator('.check-item h3').allTextContents();
    expect(items.some((t) => t.startsWith('Phone number'))).toBe(true);
    expect(items.some((t) => t.startsWith('Web address'))).toBe(true);
    // Community reputation from the API (the guided test above reported this number).
    if (app.api) {
      await expect
        .poll(() => page.locator('.check-item').first().textContent())
        .toMatch(/1 person has reported this number/);
    }
    await expectAccessible(page, 'check-result');
    // A paste over the limit is checked up to it, and says so (the box used to cut it silently).
    await page.locator('#check-text').fill('Call 1-888-555-0123. '.repeat(5_000));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => page.locator('#check-left-out').textContent())
      .toMatch(/Only the first 100,000 characters were checked\. The last 5,000 were left out/);
    await page.close();
  });

  it('recovery plan matches what was given and says who to call first', async () => {
    const page = await open('/recovery');
    await expectAccessible(page, 'recovery-empty');
    await page.getByLabel('I paid with gift cards').check();
    await eventually(
      () => page.locator('.recovery-plan .stop-title').textContent(),
      (value) => expect(value).toMatch(/gift card/i),
    );
    await page.getByLabel('I let them into my computer (AnyDesk, TeamViewer or similar)').check();
    await page.locator('#rec-tool').selectOption('AnyDesk');
    await eventually(
      () => page.locator('.recovery-plan .stop-title').textContent(),
      (value) => expect(value).toMatch(/Disconnect/),
    );
    await eventually(
      () => page.locator('.recovery-plan .first-call').textContent(),
      (value) => expect(value).toMatch(/Who to call first: Call the gift card company/),
    );
    const steps = await page.locator('.recovery-plan .steps > li').allTextContents();
    expect(steps.join(' ')).toMatch(/Uninstall AnyDesk/);
    expect(steps.join(' ')).toMatch(/recovery/i);
    await expectAccessible(page, 'recovery-plan');
    await page.close();
  });

  it("FAQ answers the article's questions", async () => {
    const page = await open('/faq');
    const questions = await page.locator('h2').allTextContents();
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions.join(' ')).toMatch(/Microsoft/);
    await expectAccessible(page, 'faq');
    await page.close();
  });

  it('community page shows charts or says plainly that the server is not there', async () => {
    const page = await open('/community');
    await page.locator('.chart, .panel[role=status]').first().waitFor();
    if (app.api) {
      await eventually(
        () => page.locator('.chart svg[role=img]').count(),
        (value) => expect(value).toBeGreaterThan(0),
      );
      const payments = page.locator('figure', {
        has: page.locator('figcaption', { hasText: 'Payment methods they asked for' }),
      });
      await eventually(
        () => payments.locator('.bar-label').first().textContent(),
        (value) => expect(value).toMatch(/^Gift cards: 3/),
      );
      await eventually(
        () => page.locator('main').textContent(),
        (value) => expect(value).toContain('+18445550142'),
      );
      const recent = page.locator('section[aria-labelledby=recent-heading] li');
      await eventually(
        () => recent.count(),
        (value) => expect(value).toBeGreaterThan(0),
      );
    }
    await expectAccessible(page, 'community');
    await page.close();
  });

  it('an unknown route gets a plain "not found" page', async () => {
    const page = await open('/nowhere');
    await eventually(
      () => page.locator('h1').textContent(),
      (value) => expect(value).toBe('Page not found'),
    );
    await expectAccessible(page, 'not-found');
    await page.close();
  });

  it('works offline once loaded', async () => {
    const page = await open('/');
    await context.setOffline(true);
    try {
      await page.getByRole('link', { name: /The call just ended/ }).click();
      await page.getByRole('button', { name: 'They called me' }).click();
      await eventually(
        () => page.locator('#question-text').textContent(),
        (value) => expect(value).toBe('Who did they say they were?'),
      );
    } finally {
      await context.setOffline(false);
    }
    await page.close();
  });

  it('the accessibility audit itself catches a real violation', async () => {
    const page = await open('/faq');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')?.append(img);
    });
    const violations = await auditPage(page, 'audit-self-check');
    expect(violations.join('\n')).toContain('image-alt');
    await page.close();
  });

  it('fits 360 px without sideways scrolling and passes axe in dark mode', async () => {
    const phone = await browser.newContext({ colorScheme: 'dark', width: 360, height: 740 });
    const page = await phone.newPage();
    for (const [path, name] of [
      ['/', 'phone-dark-home'],
      ['/guided', 'phone-dark-guided'],
      ['/report', 'phone-dark-report'],
    ] as const) {
      await page.goto(`${app.url}#${path}`);
      await page.locator('h1').first().waitFor();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).not.toBe('rgb(255, 255, 255)');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await auditPage(page, name)).toEqual([]);
    }
    // The coloured parts in dark mode: a verdict banner, red flags and marked transcript phrases.
    await page.goto(`${app.url}#/transcript`);
    await page
      .locator('#transcript-text')
      .fill('Caller: This is Microsoft. Your computer has a virus. Install AnyDesk and pay with gift cards.');
    await page.getByRole('button', { name: 'Check it' }).click();
    await page.locator('mark.hl').first().waitFor();
    expect(await auditPage(page, 'phone-dark-transcript')).toEqual([]);
    // On a phone the menu folds behind one button.
    await eventually(
      () => page.locator('#main-menu').isVisible(),
      (value) => expect(value).toBe(false),
    );
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Questions' }).click();
    await page.waitForURL(/#\/faq$/);
    // The menu folds again after a choice; Preact re-renders asynchronously, so wait for it.
    await page.locator('#main-menu').waitFor({ state: 'hidden', timeout: 5000 });
    // Choosing the page already shown must fold the menu too (no route change happens).
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#main-menu').waitFor({ state: 'visible', timeout: 5000 });
    await page.getByRole('link', { name: 'Questions' }).click();
    await page.locator('#main-menu').waitFor({ state: 'hidden', timeout: 5000 });
    // Escape folds the open menu and puts focus back on its button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#main-menu').waitFor({ state: 'visible', timeout: 5000 });
    await page.getByRole('link', { name: 'Home' }).focus();
    await page.keyboard.press('Escape');
    await page.locator('#main-menu').waitFor({ state: 'hidden', timeout: 5000 });
    await eventually(
      () => page.evaluate(() => document.activeElement?.textContent),
      (value) => expect(value).toBe('Menu'),
    );
    // Printed from a phone in dark mode, the reports still come out dark on white.
    await page.goto(`${app.url}#/report`);
    await page.locator('pre.filing-text').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const pre = document.querySelector('pre.filing-text');
      const link = document.querySelector('.filing a');
      return {
        background: pre ? getComputedStyle(pre).backgroundColor : '',
        link: link ? getComputedStyle(link).color : '',
      };
    });
    expect(printed).toEqual({ background: 'rgb(255, 255, 255)', link: 'rgb(6, 69, 173)' });
    await phone.close();
  });

  it('at 360 px with text at 200% nothing is pushed sideways and every tick box stays full size', async () => {
    const phone = await browser.newContext({ width: 360, height: 740 });
    const page = await phone.newPage();
    for (const path of ['/transcript', '/live', '/check', '/report', '/recovery']) {
      await page.goto(`${app.url}#${path}`);
      await page.locator('h1').first().waitFor();
      // The person's own larger text: 200% of the app's 112.5% base.
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '225%'));
      await eventually(
        () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        (value) => expect(value, path).toBeLessThanOrEqual(0),
      );
      // A long label wraps next to its box; the box itself must not be squeezed.
      const boxes = await page
        .locator('input[type=checkbox], input[type=radio]')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
      for (const width of boxes) expect(width, path).toBeGreaterThanOrEqual(24);
    }
    // A phone number in a finding wraps between its groups of digits, never inside one (normal text size).
    await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
    await page.goto(`${app.url}#/check`);
    await page.locator('#check-text').fill('Call +1 888 555 0123 now');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const heading = page.locator('.check-item h3').first();
    await heading.waitFor();
    const splitGroups = await heading.evaluate((h) => {
      const split: string[] = [];
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (const match of (text.textContent ?? '').matchAll(/\d+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
          if (lines.size > 1) split.push(match[0]);
        }
      }
      return split;
    });
    expect(splitGroups).toEqual([]);
    await phone.close();
  });

  it('made no request to any other origin', () => {
    expect(browser.externalRequests).toEqual([]);
  });
});
