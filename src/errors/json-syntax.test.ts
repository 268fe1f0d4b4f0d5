import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CallGuardError } from './catalogue.js';
import { describeJsonSyntax, parseJson } from './json-syntax.js';

describe('describeJsonSyntax', () => {
  it.each([
    ['{"a": }', 'at column 7, a value is missing'],
    ['{"a": 1', "at the end (the text stops too early), an object is not closed: a '}'"],
    ['[1, 2\n', "at the end (the text stops too early), a list is not closed: a ']'"],
    ['{"a" 1}', "at column 6, a ':' is missing after a key"],
    ['[1 2]', "at column 4, a ',' is missing between two items"],
    ['{"a": 1,}', 'at column 9, a key in double quotes is expected here'],
    ["{'a': 1}", 'at column 2, this is not a JSON value'],
    ['{"a": True}', 'at column 7, this is not a JSON value'],
    ['{"a": 1}}', 'at column 9, there is more after the end of the JSON value'],
    ['{"a": 1} // note', 'at column 10, JSON has no comments'],
    ['{"a": "\\x"}', 'a backslash in text must start an escape'],
    ['{"a": "\t"}', 'a control character (such as a tab) inside text must be escaped'],
    ['{"a": 01}', "at column 8, a ',' is missing"],
    ['\ufeff{}', 'byte-order mark'],
    ['   ', 'it is empty'],
  ])('%j: %s', (text, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(describeJsonSyntax(text)).toContain(expected);
  });

  it('counts lines and columns of a body written over several lines', () => {
    // The usual mistake: a pasted transcript with a real line break inside a JSON string.
    const text = '{\n  "transcript": "Caller: hello\nCaller: your computer"\n}';
    expect(describeJsonSyntax(text)).toBe(
      'at line 2, column 17, a text in double quotes is not closed on its line (write a line break inside text as \\n)',
    );
  });

  it('never quotes the text it was given', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6 }), (secret) => {
        const text = `{"transcript": "${secret.replace(/[\\"]/g, '')}" "pin 4921"}`;
        fc.pre(
          !(() => {
            try {
              JSON.parse(text);
              return true;
            } catch {
              return false;
            }
          })(),
        );
        const said = describeJsonSyntax(text);
        expect(said).not.toContain('4921');
      }),
    );
  });
});

describe('parseJson', () => {
  it('parses valid JSON and names the input when it is not', () => {
    expect(parseJson('{"a":[1,2]}', 'Line 1')).toEqual({ a: [1, 2] });
    let thrown: unknown;
    try {
      parseJson('{"id": "a", }', 'Line 4', '/4');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CallGuardError);
    expect(thrown).toMatchObject({
      code: 'CG_JSON_MALFORMED',
      pointer: '/4',
      message:
        'Line 4 is not valid JSON: at column 13, a key in double quotes is expected here (keys need double quotes, and the last item takes no comma).',
    });
  });
});

describe('deeply nested text', () => {
  it('is refused with a message, not a stack overflow', () => {
    for (const text of ['['.repeat(20_000), '{"a":'.repeat(20_000), `${'['.repeat(20_000)}1,]`]) {
      expect(describeJsonSyntax(text)).toBe('it is not valid JSON (nested too deeply to say where)');
      expect(() => parseJson(text, 'The body')).toThrow(CallGuardError);
    }
  });
});
