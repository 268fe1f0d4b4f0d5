/**
 * What the storage CLI commands share: opening the configured store, the anonymous reporter key of
 * this computer, number formatting and a progress bar. Node only.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliContext } from '../cli/context.js';
import { openStore } from './open.js';
import { storeLocation } from './config.js';
import type { Reputation, Store } from './types.js';

/** Opens the store named by --db, DATABASE_URL or CALLGUARD_DB, runs fn and always closes it. */
export async function withStore<T>(
  db: string | undefined,
  ctx: CliContext,
  fn: (s: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeLocation({ env: ctx.env, cwd: ctx.cwd, db }));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * The anonymous reporter key of this computer: CALLGUARD_REPORTER_KEY, else a random token kept in
 * $XDG_CONFIG_HOME/callguard/reporter-key (created on first use). The store keeps only its keyed hash.
 */
export function reporterKeyFor(ctx: CliContext): string {
  const fromEnv = ctx.env.CALLGUARD_REPORTER_KEY?.trim();
  if (fromEnv) return fromEnv;
  const base = ctx.env.XDG_CONFIG_HOME || join(ctx.env.HOME || ctx.cwd, '.config');
  const file = join(base, 'callguard', 'reporter-key');
  try {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return key;
  } catch {
    // first use: create it below
  }
  const key = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

export const fmtInt = (n: number) => n.toLocaleString('en-US');

export function json(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

const LEVEL_TEXT: Record<Reputation['level'], string> = {
  unknown: 'no reports',
  reported: 'reported',
  'likely-scam': 'LIKELY SCAM',
  'confirmed-scam': 'CONFIRMED SCAM',
};

/** The reputation as plain lines for a terminal. */
export function reputationText(rep: Reputation): string[] {
  const lines = [
    rep.official
      ? `${rep.number}: official ${rep.official.name} number (never listed as a scam)`
      : `${rep.number}: ${LEVEL_TEXT[rep.level]}`,
  ];
  if (rep.official) {
    lines.push(
      `  This is an official ${rep.official.name} number (${rep.official.channel}). Scammers spoof official numbers,`,
      `  so a call showing it can still be a scam: hang up and call this number back yourself.`,
    );
  }
  if (rep.reporters > 0 || rep.notScam > 0) {
    lines.push(
      `  ${fmtInt(rep.reporters)} ${rep.reporters === 1 ? 'person' : 'people'} reported it (${fmtInt(rep.reports)} reports, score ${rep.score})` +
        (rep.notScam ? `; ${fmtInt(rep.notScam)} said it is not a scam` : ''),
    );
    if (rep.firstSeen)
      lines.push(`  First seen ${rep.firstSeen.slice(0, 10)}, last seen ${rep.lastSeen?.slice(0, 10)}`);
  }
  if (rep.topBrands.length)
    lines.push(`  Claimed to be: ${rep.topBrands.map((b) => `${b.brand} (${b.reporters})`).join(', ')}`);
  if (rep.topTactics.length)
    lines.push(`  Tactics: ${rep.topTactics.map((t) => `${t.id} (${t.reporters})`).join(', ')}`);
  if (rep.feeds.reports > 0) {
    lines.push(
      `  Public complaint feeds: ${fmtInt(rep.feeds.reports)} (unverified; numbers there are often spoofed)` +
        (rep.feeds.lastSeen ? `, last ${rep.feeds.lastSeen.slice(0, 10)}` : ''),
    );
  }
  return lines;
}

/** A one-line progress bar on stderr, redrawn at most 10 times a second; only on a terminal. */
export function progressBar(ctx: CliContext, label: string) {
  const started = Date.now();
  let last = 0;
  const tty = ctx.stderr.isTTY === true;
  return {
    update(p: { rows: number; bytes: number; totalBytes: number }) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && p.bytes < p.totalBytes) return;
      last = now;
      const frac = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
      const width = 24;
      const filled = Math.round(frac * width);
      const rate = p.rows / Math.max(0.001, (now - started) / 1000);
      ctx.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}%` +
          ` ${fmtInt(p.rows)} rows ${fmtInt(Math.round(rate))} rows/s\x1b[K`,
      );
    },
    done() {
      if (tty) ctx.stderr.write('\r\x1b[K');
    },
  };
}
