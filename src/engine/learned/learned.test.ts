import { describe, expect, it } from 'vitest';
import type { Transcript } from '../types.js';
import { decodeQuantised, decodeWeights, encodeWeights } from './codec.js';
import { DEFAULT_FEATURE_PARAMS, featurise, scratchIsClear, type FeatureParams } from './featurise.js';
import { evidenceWith, learnedEvidence, modelText } from './index.js';
import { MODEL } from './model.generated.js';
import { loadModel, scoreText } from './model.js';
import { normaliseText, tokenSpans } from './normalise.js';

function transcript(turns: [Transcript['segments'][number]['speaker'], string][]): Transcript {
  let offset = 0;
  const segments = turns.map(([speaker, text]) => {
    const s = { speaker, text, offset };
    offset += text.length + 1;
    return s;
  });
  return { format: 'json', text: segments.map((s) => s.text).join('\n'), segments };
}

const scam = transcript([
  ['caller', 'This is the Windows technical department. Your computer is infected with a virus.'],
  ['callee', 'Oh no.'],
  ['caller', 'Go to any desk dot com and read me the code. The repair fee is paid with gift cards.'],
]);
const legit = transcript([
  ['caller', 'Thanks for calling. Which city would you like to fly from, and on what date?'],
  ['callee', 'From Boston next Friday.'],
  ['caller', 'I found a direct flight leaving at 9 am. Shall I book it?'],
]);

describe('learnedEvidence', () => {
  it('scores a tech-support scam script above a service dialogue and names its phrases', () => {
    const s = learnedEvidence(scam, ['REMOTE_ACCESS_REQUEST'])!;
    const l = learnedEvidence(legit, [])!;
    expect(s.logit).toBeGreaterThan(0);
    expect(l.logit).toBeLessThan(0);
    expect(s.phrases.length).toBeGreaterThan(0);
    expect(l.phrases).toEqual([]);
  });

  it('never names a greeting as typical of scam scripts', () => {
    const t = transcript([
      ['caller', 'Hello, good morning, how are you today? This is your bank, thank you sir.'],
      ['callee', 'Fine.'],
      ['caller', 'Please confirm your card number and the code we sent you.'],
    ]);
    const ev = learnedEvidence(t, ['CREDENTIAL_REQUEST'])!;
    expect(ev.phrases.length).toBeGreaterThan(0);
    for (const p of ev.phrases)
      expect(p).not.toMatch(/^(hello|good|good morning|how|how are|today|thank|thank you|sir)$/);
  });

  it('only reads the caller: the callee describing a scam is not scored as one', () => {
    const t = transcript([
      ['caller', 'Hello, this is your pharmacy about your prescription refill.'],
      ['callee', 'Someone said my computer has a virus and wanted gift cards and any desk.'],
    ]);
    expect(modelText(t).text).not.toContain('gift cards');
  });

  it('caps the logit when no rule fired, so wording alone never decides', () => {
    const ev = evidenceWith(loadModel(MODEL), scam, []);
    expect(ev!.logit).toBeLessThanOrEqual(MODEL.combine.weight * MODEL.combine.withoutFlagsShare + 1e-9);
  });

  it("leaves none of the caller's words in its kept scratch arrays after a call", () => {
    expect(learnedEvidence(scam, ['REMOTE_ACCESS_REQUEST'])!.logit).toBeGreaterThan(0);
    expect(scratchIsClear()).toBe(true);
    // Non-ASCII text fills more of the UTF-8 scratch than it has characters.
    const russian = transcript([
      [
        'caller',
        'Ваш компьютер заражён, установите AnyDesk и продиктуйте код из смс, my password is swordfishes',
      ],
    ]);
    learnedEvidence(russian, ['REMOTE_ACCESS_REQUEST']);
    expect(scratchIsClear()).toBe(true);
    featurise('the code is swordfishes', DEFAULT_FEATURE_PARAMS);
    expect(scratchIsClear()).toBe(true);
    normaliseText('install any desk');
    expect(scratchIsClear()).toBe(true);
  });

  it('returns null when there is nothing to read', () => {
    expect(learnedEvidence(transcript([['callee', 'hello?']]), [])).toBeNull();
  });

  it('the committed model is small', () => {
    expect(JSON.stringify(MODEL).length).toBeLessThan(2 * 1024 * 1024);
    expect(MODEL.count).toBeGreaterThan(1000);
  });
});

/** A random three-letter word (digits would be dropped by normalisation). */
function letters(next: () => number): string {
  return String.fromCharCode(97 + (next() % 26), 97 + (next() % 26), 97 + (next() % 26));
}

describe('features', () => {
  it('normalises as the regex replacements do, and finds the word spans a plain scan finds', () => {
    // Words: runs of a-z, apostrophes and (per UTF-16 unit) letters, trimmed of apostrophes.
    const wordAt = (s: string, i: number) =>
      s.charCodeAt(i) < 128 ? /[a-z']/.test(s[i]!) : /\p{L}/u.test(s[i]!);
    const reference = (s: string) => {
      const spans: [number, number][] = [];
      for (let i = 0; i < s.length;) {
        if (!wordAt(s, i)) {
          i++;
          continue;
        }
        let j = i;
        while (j < s.length && wordAt(s, j)) j++;
        let a = i;
        let b = j;
        while (a < b && s[a] === "'") a++;
        while (b > a && s[b - 1] === "'") b--;
        if (b > a) spans.push([a, b]);
        i = j;
      }
      return spans;
    };
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    const alphabet = ['a', 'Q', 'z', "'", '’', '`', ' ', '.', '\n', '1', 'é', 'ß', 'İ', 'ж', '中', '😀', '-'];
    // Speech-to-text splits, joined or not, among the random characters.
    const splits = [
      'any desk',
      'AnyDesk',
      'gift  cards',
      'gif guard',
      'e mail',
      'email',
      'log me in',
      'Micro Soft',
    ];
    const samples = ['', 'a', "'", "''a''", 'any desk', 'x.', ' y', 'Buy GIFT CARDS, e mail me‘now’'];
    for (let n = 0; n < 300; n++)
      samples.push(
        Array.from({ length: next() % 40 }, () =>
          next() % 8 === 0 ? ` ${splits[next() % splits.length]!} ` : alphabet[next() % alphabet.length]!,
        ).join(''),
      );
    // The normalised text as the regex replacements give it.
    const join =
      /\b(?:any\s*desk|team\s*viewer|ultra\s*viewer|log\s*me\s*in|screen\s*connect|micro\s*soft|gift?\s+(?:card|guard)s?|bit\s*coin|e\s*mail)\b/g;
    const normalised = (s: string) =>
      s
        .toLowerCase()
        .replace(/[’‘`]/g, "'")
        .replace(join, (m) => {
          const compact = m.replace(/\s+/g, '');
          return /^gift?(?:card|guard)s?$/.test(compact) ? 'gift card' : compact;
        });
    for (const sample of samples) {
      const t = tokenSpans(sample);
      expect(t.text).toBe(normalised(sample));
      const spans: [number, number][] = [];
      for (let k = 0; k < t.count; k++) spans.push([t.starts[k]!, t.ends[k]!]);
      expect(spans).toEqual(reference(t.text));
    }
  });

  it('normalises digits, case and speech-to-text splits', () => {
    expect(normaliseText('Install Any Desk, call 1-800-555-0100 NOW! micro soft')).toBe(
      'install anydesk call now microsoft',
    );
  });

  it('word and character blocks each have unit length', () => {
    const f = featurise('gift card gift card', DEFAULT_FEATURE_PARAMS);
    const sq = f.values.reduce((a, v) => a + v * v, 0);
    expect(sq).toBeGreaterThan(1.5);
    expect(sq).toBeLessThan(2.5);
    expect(f.indices.map((_, k) => f.phrase(k))).toContain('gift card');
  });

  it('gives exactly what a plain pass over string n-grams gives (indices, order, values, phrases)', () => {
    // Reference: every gram spelled out as a string and hashed whole, counted in Maps.
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    function reference(text: string, params = DEFAULT_FEATURE_PARAMS) {
      const [wmin, wmax] = params.wordNgrams;
      const [cmin, cmax] = params.charNgrams;
      const hash = (s: string) => fnv(s) & ((1 << params.hashBits) - 1);
      const tokens = normaliseText(text)
        .split(' ')
        .filter((t) => t !== '');
      const words = new Map<number, number>();
      const firstWord = new Map<number, string>();
      tokens.forEach((_, i) => {
        for (let n = wmin; n <= wmax && i + n <= tokens.length; n++) {
          const gram = tokens.slice(i, i + n).join(' ');
          const index = hash(`w:${gram}`);
          if (!words.has(index)) firstWord.set(index, gram);
          words.set(index, (words.get(index) ?? 0) + 1);
        }
      });
      const chars = new Map<number, number>();
      for (const t of tokens) {
        const w = `<${t}>`;
        for (let a = 0; a + cmin <= w.length; a++)
          for (let n = cmin; n <= cmax && a + n <= w.length; n++) {
            const index = hash(`c:${w.slice(a, a + n)}`);
            chars.set(index, (chars.get(index) ?? 0) + 1);
          }
      }
      const acc = new Map<number, number>();
      for (const block of [words, chars]) {
        let norm = 0;
        for (const [i, c] of block) {
          const v = 1 + Math.log(c);
          block.set(i, v);
          norm += v * v;
        }
        const scale = 1 / Math.sqrt(norm);
        for (const [i, v] of block) acc.set(i, (acc.get(i) ?? 0) + v * scale);
      }
      return {
        indices: [...acc.keys()],
        values: [...acc.values()],
        phrases: [...acc.keys()].map((i) => firstWord.get(i) ?? null),
      };
    }
    // Long enough to grow the counting tables and the word cache several times, with repeats and odd
    // characters.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    const vocabulary =
      "install any desk gift cards the your computer virus don't 'quoted' café naïve microsoft".split(' ');
    const text = Array.from(
      { length: 6000 },
      () => vocabulary[next() % vocabulary.length]! + (next() % 3 === 0 ? ` ${letters(next)}` : ''),
    ).join(' ');
    // Past the sizes whose scratch arrays and word cache are kept between calls (then back under them).
    const huge = Array.from({ length: 30000 }, () => `${letters(next)}${letters(next)}`).join(' ');
    expect(huge.length).toBeGreaterThan(1 << 17);
    for (const sample of [text, huge, 'gift card gift card', text, 'a', '']) {
      const f = featurise(sample, DEFAULT_FEATURE_PARAMS);
      const r = reference(sample);
      expect(f.indices).toEqual(r.indices);
      expect(f.values).toEqual(r.values);
      expect(f.indices.map((_, k) => f.phrase(k))).toEqual(r.phrases);
    }
    // Other shapes: a small hash space (many word/character collisions), trigrams, no character
    // grams, no unigrams.
    const shapes: FeatureParams[] = [
      { hashBits: 10, wordNgrams: [1, 3], charNgrams: [2, 4] },
      { hashBits: 18, wordNgrams: [1, 2], charNgrams: [3, 2] },
      { hashBits: 16, wordNgrams: [2, 2], charNgrams: [4, 4] },
    ];
    for (const params of shapes) {
      const f = featurise(text, params);
      const r = reference(text, params);
      expect(f.indices).toEqual(r.indices);
      expect(f.values).toEqual(r.values);
      expect(f.indices.map((_, k) => f.phrase(k))).toEqual(r.phrases);
    }
  });

  it('explains with the word grams among the 200 largest positive contributions, as a full sort ranks them', () => {
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    const words = 'install any desk gift cards your computer virus microsoft refund bank account'.split(' ');
    const text = Array.from({ length: 3000 }, () => `${words[next() % words.length]!} ${letters(next)}`).join(
      ' ',
    );
    const dense = decodeWeights(MODEL.weights, MODEL.step, 2 ** MODEL.params.hashBits);
    const f = featurise(text, MODEL.params);
    // Character grams weighted up: first all of them (no word gram makes the cut), then `n` of them
    // (the cut falls among the strongest word grams).
    const charsFirst = (n: number) => {
      const w = new Float32Array(dense.length).fill(1);
      let chars = 0;
      f.indices.forEach((index, k) => {
        if (f.phrase(k) === null) w[index] = chars++ < n ? 50 : 0;
      });
      return w;
    };
    // Also the model's weights (as loaded for scoring, and dense), and weights all equal to 1 (many
    // equal contributions at the cut). Each with the dense weights the reference reads.
    const variants: [Parameters<typeof scoreText>[1], Float32Array][] = [
      [loadModel(MODEL).weights, dense],
      [dense, dense],
      ...[new Float32Array(dense.length).fill(1), charsFirst(1e9), charsFirst(195)].map(
        (w) => [w, w] as [Float32Array, Float32Array],
      ),
    ];
    for (const [weights, reference] of variants) {
      const ranked = f.indices
        .map((index, k) => ({ k, c: reference[index]! * f.values[k]! }))
        .filter(({ c }) => c > 0)
        .sort((a, b) => b.c - a.c || a.k - b.k);
      expect(ranked.length).toBeGreaterThan(200);
      const expected = ranked
        .slice(0, 200)
        .flatMap(({ k, c }) => (f.phrase(k) === null ? [] : [{ phrase: f.phrase(k)!, weight: c }]));
      const score = scoreText(MODEL, weights, text);
      expect([...score.contributions()]).toEqual(expected);
      // An explanation stops early: the first few, as ranked (also across the ranking's batches).
      for (const few of [3, 16, 17, 32, 33]) {
        const first: unknown[] = [];
        for (const c of scoreText(MODEL, weights, text).contributions()) {
          if (first.push(c) === few) break;
        }
        expect(first).toEqual(expected.slice(0, few));
      }
      expect(score.margin).toBe(
        f.indices.reduce((m, index, k) => m + reference[index]! * f.values[k]!, MODEL.bias),
      );
    }
  });

  it('ranks a short call as a full sort does', () => {
    const dense = decodeWeights(MODEL.weights, MODEL.step, 2 ** MODEL.params.hashBits);
    const [first, , third] = scam.segments.map((s) => s.text);
    const lengths: number[] = [];
    // Texts whose lists end in the first batch of 16, the second, and after both.
    for (const text of ['Buy gift cards now.', first!, `${first!} ${third!}`]) {
      const f = featurise(text, MODEL.params);
      const expected = f.indices
        .map((index, k) => ({ k, c: dense[index]! * f.values[k]! }))
        .filter(({ c }) => c > 0)
        .sort((a, b) => b.c - a.c || a.k - b.k)
        .slice(0, 200)
        .flatMap(({ k, c }) => (f.phrase(k) === null ? [] : [{ phrase: f.phrase(k)!, weight: c }]));
      lengths.push(expected.length);
      expect([...scoreText(MODEL, loadModel(MODEL).weights, text).contributions()]).toEqual(expected);
    }
    expect(lengths[0]).toBeLessThan(16);
    expect(lengths[1]).toBeGreaterThan(16);
    expect(lengths[1]).toBeLessThan(32);
    expect(lengths[2]).toBeGreaterThan(32);
  });

  it('the scoring form of the weights holds exactly the dense values', () => {
    const size = 2 ** MODEL.params.hashBits;
    const dense = decodeWeights(MODEL.weights, MODEL.step, size);
    const { codes, levels } = decodeQuantised(MODEL.weights, MODEL.step, size);
    let nonZero = 0;
    for (let i = 0; i < size; i++) {
      if (levels[codes[i]!] !== dense[i]) expect([i, levels[codes[i]!]]).toEqual([i, dense[i]]);
      if (dense[i] !== 0) nonZero++;
    }
    expect(nonZero).toBe(MODEL.count);
  });

  it('weights survive the codec within a quantisation step', () => {
    const { data, count } = encodeWeights({ indices: [5, 70000, 3], values: [0.5, -1, 0.001] }, 1 / 127);
    expect(count).toBe(2);
    const dense = decodeWeights(data, 1 / 127, 2 ** 18);
    expect(dense[5]).toBeCloseTo(0.5, 2);
    expect(dense[70000]).toBeCloseTo(-1, 2);
    expect(dense[3]).toBe(0);
  });
});
