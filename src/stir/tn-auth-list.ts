/**
 * The TNAuthList certificate extension (RFC 8226 §9, OID 1.3.6.1.5.5.7.1.26): which Service Provider
 * Code, numbers or number ranges a STIR certificate speaks for. Pure (asn1js, no Node APIs).
 *
 *   TNAuthorizationList ::= SEQUENCE SIZE (1..MAX) OF TNEntry
 *   TNEntry ::= CHOICE { spc [0] ServiceProviderCode, range [1] TelephoneNumberRange, one [2] TelephoneNumber }
 *   (EXPLICIT tags; ServiceProviderCode and TelephoneNumber are IA5String)
 */
import * as asn1js from 'asn1js';

export const TN_AUTH_LIST_OID = '1.3.6.1.5.5.7.1.26';

export type TnAuthEntry =
  | { kind: 'spc'; spc: string }
  | { kind: 'range'; start: string; count: number }
  | { kind: 'one'; tn: string };

const TAG_SPC = 0;
const TAG_RANGE = 1;
const TAG_ONE = 2;
const CONTEXT_SPECIFIC = 3;

/** Thrown by parseTnAuthList when the extension's DER is not a TNAuthList. */
export class TnAuthListError extends Error {}

/**
 * Decodes the DER value of a TNAuthList extension.
 *
 * @example parseTnAuthList(new Uint8Array([0x30, 0x08, 0xa0, 0x06, 0x16, 0x04, 0x37, 0x30, 0x39, 0x4a])) // [{ kind: 'spc', spc: '709J' }]
 */
export function parseTnAuthList(der: ArrayBuffer | Uint8Array): TnAuthEntry[] {
  const bytes = der instanceof Uint8Array ? der : new Uint8Array(der);
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch {
    // asn1js throws RangeError on some truncated inputs (e.g. a BMPString of odd length) instead of reporting -1.
    throw new TnAuthListError('TNAuthList is not valid DER.');
  }
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) {
    throw new TnAuthListError('TNAuthList is not valid DER.');
  }
  const root = parsed.result;
  if (!(root instanceof asn1js.Sequence) || root.valueBlock.value.length === 0) {
    throw new TnAuthListError('TNAuthList must be a non-empty SEQUENCE.');
  }
  return root.valueBlock.value.map(parseEntry);
}

function parseEntry(node: asn1js.AsnType): TnAuthEntry {
  const block = node as asn1js.BaseBlock;
  if (block.idBlock.tagClass !== CONTEXT_SPECIFIC) throw new TnAuthListError('TNEntry has an unknown tag.');
  const inner = explicitInner(block);
  switch (block.idBlock.tagNumber) {
    case TAG_SPC:
      return { kind: 'spc', spc: ia5(inner, 'spc') };
    case TAG_ONE:
      return { kind: 'one', tn: digitsTn(ia5(inner, 'one')) };
    case TAG_RANGE: {
      if (!(inner instanceof asn1js.Sequence)) throw new TnAuthListError('range must be a SEQUENCE.');
      const [start, count] = inner.valueBlock.value;
      if (!(count instanceof asn1js.Integer)) throw new TnAuthListError('range count must be an INTEGER.');
      const n = count.valueBlock.valueDec;
      if (!Number.isSafeInteger(n) || n < 2) throw new TnAuthListError('range count must be 2 or more.');
      return { kind: 'range', start: digitsTn(ia5(start, 'range start')), count: n };
    }
    default:
      throw new TnAuthListError(`TNEntry tag [${block.idBlock.tagNumber}] is unknown.`);
  }
}

/** EXPLICIT tagging wraps the value; tolerate IMPLICIT primitive strings seen in some lab certificates. */
function explicitInner(block: asn1js.BaseBlock): asn1js.AsnType {
  if (block.idBlock.isConstructed) {
    const value = (block as asn1js.Constructed).valueBlock.value;
    if (value.length !== 1) throw new TnAuthListError('TNEntry must hold exactly one value.');
    return value[0]!;
  }
  const text = new TextDecoder().decode((block as asn1js.Primitive).valueBlock.valueHexView);
  return new asn1js.IA5String({ value: text });
}

function ia5(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.IA5String)) throw new TnAuthListError(`${what} must be an IA5String.`);
  const v = node.getValue();
  if (v.length === 0 || v.length > 64 || /[^\x20-\x7e]/.test(v)) {
    throw new TnAuthListError(`${what} is empty, too long or not printable.`);
  }
  return v;
}

function digitsTn(v: string): string {
  if (!/^[0-9#*]{1,15}$/.test(v)) throw new TnAuthListError('A telephone number must be 1-15 of 0-9 # *.');
  return v;
}

/**
 * Encodes a TNAuthList (DER) — for test PKIs and labs that issue their own SHAKEN certificates.
 *
 * @example encodeTnAuthList([{ kind: 'spc', spc: '709J' }])
 */
export function encodeTnAuthList(entries: readonly TnAuthEntry[]): ArrayBuffer {
  const items = entries.map((e) => {
    const tag = (tagNumber: number, value: asn1js.AsnType) =>
      new asn1js.Constructed({ idBlock: { tagClass: CONTEXT_SPECIFIC, tagNumber }, value: [value] });
    switch (e.kind) {
      case 'spc':
        return tag(TAG_SPC, new asn1js.IA5String({ value: e.spc }));
      case 'one':
        return tag(TAG_ONE, new asn1js.IA5String({ value: e.tn }));
      case 'range':
        return tag(
          TAG_RANGE,
          new asn1js.Sequence({
            value: [new asn1js.IA5String({ value: e.start }), new asn1js.Integer({ value: e.count })],
          }),
        );
    }
  });
  return new asn1js.Sequence({ value: items }).toBER(false);
}

/** True when a canonical TN is one of the entries' numbers or inside one of their ranges. */
export function tnAuthListCovers(entries: readonly TnAuthEntry[], tn: string): boolean {
  return entries.some((e) => {
    if (e.kind === 'one') return e.tn === tn;
    if (e.kind !== 'range' || e.start.length !== tn.length || !/^\d+$/.test(e.start)) return false;
    const start = BigInt(e.start);
    const n = BigInt(tn);
    return n >= start && n < start + BigInt(e.count);
  });
}

/** Human-readable list of the numbers and ranges (SPCs are reported separately). */
export function describeTns(entries: readonly TnAuthEntry[]): string[] {
  return entries.flatMap((e) =>
    e.kind === 'one' ? [e.tn] : e.kind === 'range' ? [`${e.start} (+${e.count - 1})`] : [],
  );
}
