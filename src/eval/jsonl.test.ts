import { describe, expect, it } from 'vitest';
import { readJsonl, type JsonlItem } from './jsonl.js';

async function collect(chunks: Iterable<string | Uint8Array>): Promise<JsonlItem[]> {
  const out: JsonlItem[] = [];
  for await (const item of readJsonl(chunks)) out.push(item);
  return out;
}

describe('readJsonl', () => {
  it('parses lines split across chunks and reports bad lines with their numbers', async () => {
    const items = await collect(['{"a":1}\n{"a"', ':2}\r\n\nnot json\n', '{"a":3}']);
    expect(items).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: { a: 2 } },
      {
        line: 4,
        error:
          'not valid JSON (at column 1, this is not a JSON value (text needs double quotes; true, false and null are written in lowercase))',
      },
      { line: 5, value: { a: 3 } },
    ]);
  });

  it('decodes UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('{"t":"café"}\n');
    const items = await collect([bytes.slice(0, 10), bytes.slice(10)]);
    expect(items).toEqual([{ line: 1, value: { t: 'café' } }]);
  });

  it('streams 10,000 lines quickly', async () => {
    const line = JSON.stringify({ id: 'x', label: 'scam', text: 'press one now '.repeat(20) }) + '\n';
    const chunks = Array.from({ length: 100 }, () => line.repeat(100));
    const started = performance.now();
    const items = await collect(chunks);
    expect(items).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
