/**
 * Where certificates come from, fastest first: memory (LRU), the operator's certificate directory
 * (works offline), an optional on-disk cache, then the network. Node only.
 *
 * Certificate directory layout: `<sha256 hex of the x5u URL>.pem`, or an `index.json` mapping
 * URL → file name (relative to the directory). The disk cache writes the same `<hash>.pem` names, so a
 * warmed cache directory can be copied to an offline machine and used as its certificate directory.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { X509Certificate } from './x509.js';
import { isCallGuardError } from '../errors/catalogue.js';
import { parsePemCertificates } from './certificates.js';
import { CertFetchError, fetchCertificate, type FetchOptions } from './cert-fetch.js';
import { Lru } from './lru.js';
import type { SignerInfo } from './types.js';

export interface CertSourceOptions {
  certDir?: string;
  cacheDir?: string;
  /** Used when the response has no Cache-Control max-age: 24 h. */
  defaultTtlSeconds?: number;
  /** Upper bound on any cache lifetime: 7 days. */
  maxTtlSeconds?: number;
  /** Remember a failed fetch this long so a flood of calls with a dead x5u costs one timeout: 10 s. */
  failureTtlSeconds?: number;
  memoryEntries?: number;
  fetch: FetchOptions;
  now: () => number;
}

export interface LoadedCertificates {
  certs: X509Certificate[];
  source: SignerInfo['source'];
}

interface Entry {
  certs: X509Certificate[];
  expiresAt: number;
}

/** File name of an x5u URL in a certificate directory or disk cache. */
export function certFileName(url: string): string {
  return `${createHash('sha256').update(url).digest('hex')}.pem`;
}

export class CertSource {
  private readonly memory: Lru<string, Entry>;
  private readonly failures: Lru<string, { error: CertFetchError; until: number }>;
  private readonly inFlight = new Map<string, Promise<LoadedCertificates>>();
  /**
   * Fetched files waiting for a verified call before they go to the disk cache. Anyone who can send
   * a call can point x5u anywhere; writing every fetched file to disk would let them fill it, one
   * file per address. A verified signature needs the certificate's private key, so only a real
   * signer's certificate is kept on disk. Bounded like the memory cache.
   */
  private readonly pending: Lru<string, { pem: string; expiresAt: number }>;
  private index: Promise<Record<string, string>> | null = null;

  constructor(private readonly opts: CertSourceOptions) {
    this.memory = new Lru(opts.memoryEntries ?? 1000);
    this.failures = new Lru(1000);
    this.pending = new Lru(opts.memoryEntries ?? 1000);
  }

  /** True when `url` was fetched and waits for `persist` to go to the disk cache. */
  hasPending(url: string): boolean {
    return this.pending.get(url) !== undefined;
  }

  /** Call once a call signed under `url`'s certificate verified: writes it to the disk cache. Never throws. */
  async persist(url: string): Promise<void> {
    const entry = this.pending.get(url);
    if (!entry) return;
    this.pending.delete(url);
    if (entry.expiresAt > this.opts.now()) await this.writeDiskCache(url, entry.pem, entry.expiresAt);
  }

  /** The certificates for `url` if memory holds them: the warm path, without a promise. */
  peek(url: string): LoadedCertificates | null {
    const hit = this.memory.get(url);
    return hit && hit.expiresAt > this.opts.now() ? { certs: hit.certs, source: 'memory' } : null;
  }

  /** Throws CertFetchError (→ 436) when no source has a usable certificate file for `url`. */
  async get(url: string): Promise<LoadedCertificates> {
    const now = this.opts.now();
    const hit = this.memory.get(url);
    if (hit && hit.expiresAt > now) return { certs: hit.certs, source: 'memory' };
    const failed = this.failures.get(url);
    if (failed && failed.until > now) throw failed.error;
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.load(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async load(url: string): Promise<LoadedCertificates> {
    const ttl = this.opts.defaultTtlSeconds ?? 86_400;
    const fromDir = await this.readCertDir(url);
    if (fromDir) return this.remember(url, fromDir, ttl, 'cert-dir');
    const fromCache = await this.readDiskCache(url);
    if (fromCache) {
      return this.remember(
        url,
        fromCache.certs,
        (fromCache.expiresAt - this.opts.now()) / 1000,
        'disk-cache',
      );
    }
    try {
      const fetched = await fetchCertificate(url, this.opts.fetch);
      const certs = toCerts(fetched.pem, url);
      const maxTtl = this.opts.maxTtlSeconds ?? 7 * 86_400;
      const life = fetched.noStore ? 0 : Math.min(fetched.maxAgeSeconds ?? ttl, maxTtl);
      if (life > 0 && this.opts.cacheDir) {
        this.pending.set(url, { pem: fetched.pem, expiresAt: this.opts.now() + life * 1000 });
      }
      return this.remember(url, certs, life, 'network');
    } catch (err) {
      const error = err instanceof CertFetchError ? err : new CertFetchError('X5U_UNREACHABLE', String(err));
      const hold = this.opts.failureTtlSeconds ?? 10;
      if (hold > 0) this.failures.set(url, { error, until: this.opts.now() + hold * 1000 });
      throw error;
    }
  }

  private remember(
    url: string,
    certs: X509Certificate[],
    ttlSeconds: number,
    source: LoadedCertificates['source'],
  ) {
    if (ttlSeconds > 0) this.memory.set(url, { certs, expiresAt: this.opts.now() + ttlSeconds * 1000 });
    return { certs, source };
  }

  private async readCertDir(url: string): Promise<X509Certificate[] | null> {
    const dir = this.opts.certDir;
    if (!dir) return null;
    this.index ??= readFile(join(dir, 'index.json'), 'utf8')
      .then((t) => JSON.parse(t) as Record<string, string>)
      .catch(() => ({}));
    const listed = (await this.index)[url];
    // basename(): an index entry may not reach outside the directory.
    const file = join(dir, typeof listed === 'string' ? basename(listed) : certFileName(url));
    const pem = await readFile(file, 'utf8').catch(() => null);
    return pem === null ? null : toCerts(pem, url);
  }

  private async readDiskCache(url: string): Promise<Entry | null> {
    const dir = this.opts.cacheDir;
    if (!dir) return null;
    const file = join(dir, certFileName(url));
    const [pem, meta] = await Promise.all([
      readFile(file, 'utf8').catch(() => null),
      readFile(`${file}.json`, 'utf8')
        .then((t) => JSON.parse(t) as { url?: string; expiresAt?: number })
        .catch(() => null),
    ]);
    if (pem === null || !meta || meta.url !== url || typeof meta.expiresAt !== 'number') return null;
    if (meta.expiresAt <= this.opts.now()) return null;
    try {
      return { certs: toCerts(pem, url), expiresAt: meta.expiresAt };
    } catch {
      return null;
    }
  }

  private async writeDiskCache(url: string, pem: string, expiresAt: number): Promise<void> {
    const dir = this.opts.cacheDir;
    if (!dir) return;
    const file = join(dir, certFileName(url));
    try {
      await mkdir(dir, { recursive: true });
      // Write then rename, so a reader never sees half a file.
      await writeFile(`${file}.tmp`, pem);
      await rename(`${file}.tmp`, file);
      await writeFile(`${file}.json`, JSON.stringify({ url, expiresAt }));
    } catch {
      // The disk cache is an optimisation: a read-only or full disk must not fail the verification.
    }
  }
}

function toCerts(pem: string, url: string): X509Certificate[] {
  try {
    return parsePemCertificates(pem, 'the x5u file');
  } catch (err) {
    if (isCallGuardError(err)) throw new CertFetchError('X5U_BAD_CONTENT', `${url}: ${err.message}`);
    throw err;
  }
}
