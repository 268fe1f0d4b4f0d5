/**
 * A throw-away STIR/SHAKEN PKI made inside the tests: an STI-CA root, an intermediate, service
 * provider certificates with a TNAuthList, and a TLS certificate for a local HTTPS x5u server.
 * Everything is generated with @peculiar/x509 over WebCrypto; nothing is read from disk.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  CRLDistributionPointsExtension,
  Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
  X509CrlGenerator,
  type X509Certificate,
} from '../../src/stir/x509.js';
import { encodeTnAuthList, TN_AUTH_LIST_OID, type TnAuthEntry } from '../../src/stir/tn-auth-list.js';

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface Issued {
  cert: X509Certificate;
  keys: CryptoKeyPair;
  pem: string;
}

async function keys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(EC, true, ['sign', 'verify']);
}

export async function makeCa(
  name: string,
  issuer?: Issued,
  opts: { pathLength?: number } = {},
): Promise<Issued> {
  const k = await keys();
  const extensions: Extension[] = [
    new BasicConstraintsExtension(true, opts.pathLength, true),
    new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
    await SubjectKeyIdentifierExtension.create(k.publicKey),
  ];
  if (issuer) extensions.push(await AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey));
  const cert = await X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${name}`,
    issuer: issuer ? issuer.cert.subject : `CN=${name}`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    publicKey: k.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : k.privateKey,
    signingAlgorithm: SIGN,
    extensions,
  });
  return { cert, keys: k, pem: cert.toString('pem') };
}

export interface SpOptions {
  tnAuthList?: TnAuthEntry[] | null;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: KeyUsageFlags;
  /** Adds a CRL Distribution Point with this URL. */
  crlUrl?: string;
}

/** A service provider (STI) certificate; `tnAuthList: null` leaves the extension out. */
export async function makeSp(name: string, issuer: Issued, opts: SpOptions = {}): Promise<Issued> {
  const k = await keys();
  const extensions: Extension[] = [
    new BasicConstraintsExtension(false, undefined, false),
    new KeyUsagesExtension(opts.keyUsage ?? KeyUsageFlags.digitalSignature, true),
    await SubjectKeyIdentifierExtension.create(k.publicKey),
    await AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
  ];
  const list = opts.tnAuthList === undefined ? [{ kind: 'spc', spc: '709J' } as const] : opts.tnAuthList;
  if (list) extensions.push(new Extension(TN_AUTH_LIST_OID, false, encodeTnAuthList(list)));
  if (opts.crlUrl) extensions.push(new CRLDistributionPointsExtension([opts.crlUrl]));
  const cert = await X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${name},O=Test Carrier`,
    issuer: issuer.cert.subject,
    notBefore: opts.notBefore ?? new Date(Date.now() - DAY),
    notAfter: opts.notAfter ?? new Date(Date.now() + 90 * DAY),
    publicKey: k.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: SIGN,
    extensions,
  });
  return { cert, keys: k, pem: cert.toString('pem') };
}

/** The whole test PKI: root → intermediate → SP certificate (SPC 709J). */
export async function makePki() {
  const root = await makeCa('Test STI-CA Root');
  const intermediate = await makeCa('Test STI-CA Intermediate', root, { pathLength: 0 });
  const sp = await makeSp('Test SP 709J', intermediate);
  return { root, intermediate, sp, chainPem: sp.pem + intermediate.pem };
}

/** A CRL signed by `signer` (named as `issuerName`, by default the signer's subject) revoking `revoked`. */
export async function makeCrl(
  signer: Issued,
  revoked: X509Certificate[],
  opts: { issuerName?: string; nextUpdate?: Date } = {},
): Promise<string> {
  const crl = await X509CrlGenerator.create({
    issuer: opts.issuerName ?? signer.cert.subject,
    thisUpdate: new Date(Date.now() - 3_600_000),
    nextUpdate: opts.nextUpdate ?? new Date(Date.now() + DAY),
    entries: revoked.map((c) => ({
      serialNumber: c.serialNumber,
      revocationDate: new Date(Date.now() - 60_000),
    })),
    signingKey: signer.keys.privateKey,
    signingAlgorithm: SIGN,
  });
  return crl.toString('pem');
}

export async function privateKeyPem(key: CryptoKey): Promise<string> {
  return PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A self-signed TLS certificate for 127.0.0.1 / localhost, with its key in PEM. */
export async function makeTlsIdentity(): Promise<{ certPem: string; keyPem: string }> {
  const k = await keys();
  const cert = await X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=localhost',
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    keys: k,
    signingAlgorithm: SIGN,
    extensions: [
      new SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(k.privateKey) };
}

export interface X5uServer {
  origin: string;
  tlsCa: string;
  /** Paths served, e.g. "/sp.pem" → PEM body. */
  files: Map<string, { body: string; headers?: Record<string, string> }>;
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 serving certificate files, as an STI-CR would. */
export async function startX5uServer(): Promise<X5uServer> {
  const tls = await makeTlsIdentity();
  const files = new Map<string, { body: string; headers?: Record<string, string> }>();
  const hits = new Map<string, number>();
  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files.get(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/pem-certificate-chain', ...file.headers })
      .end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    tlsCa: tls.certPem,
    files,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function randomSerial(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .replace(/^[89a-f]/, '1');
}
