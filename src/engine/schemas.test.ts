import { describe, expect, it } from 'vitest';
import { CallGuardError } from '../errors/catalogue.js';
import { validateAssessInput } from './schemas.js';

function errorOf(input: unknown): CallGuardError {
  try {
    validateAssessInput(input);
  } catch (err) {
    if (err instanceof CallGuardError) return err;
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('validateAssessInput', () => {
  it('says what a transcript may be when it is neither text nor a list of segments', () => {
    const err = errorOf({ transcript: 5 });
    expect(err.code).toBe('CG_INPUT_INVALID');
    expect(err.pointer).toBe('/transcript');
    expect(err.message).toBe('/transcript: Invalid input: expected string or array, received number');
  });

  it('points at the bad field inside a segment list', () => {
    const err = errorOf({ transcript: [{ speaker: 'caller', text: 'hi' }, { speaker: 'callee' }] });
    expect(err.pointer).toBe('/transcript/1/text');
  });

  it('accepts both transcript forms', () => {
    expect(validateAssessInput({ transcript: 'Caller: hello' }).transcript).toBe('Caller: hello');
    expect(validateAssessInput({ transcript: [{ text: 'hello' }] }).transcript).toEqual([{ text: 'hello' }]);
  });
});
