import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstIssue } from './first-issue.js';

const segment = z.object({ speaker: z.string().optional(), text: z.string() }).strict();
const schema = z
  .object({
    transcript: z.union([z.string(), z.array(segment)]).optional(),
    prior: z.union([z.boolean(), z.object({ made: z.boolean() }).strict()]).optional(),
    mode: z.enum(['them', 'me']).optional(),
  })
  .strict();

const issueOf = (value: unknown) => firstIssue(schema.safeParse(value).error!, value);

describe('firstIssue', () => {
  it('says what a union would have accepted when the value fits no branch by type', () => {
    const issue = issueOf({ transcript: 5 });
    expect(issue.path).toEqual(['transcript']);
    expect(issue.message).toBe('Invalid input: expected string or array, received number');
  });

  it('points inside the branch that got furthest', () => {
    expect(issueOf({ transcript: [{ speaker: 'a', text: 'x' }, { text: 5 }] })).toMatchObject({
      path: ['transcript', 1, 'text'],
      message: expect.stringContaining('expected string'),
    });
    expect(issueOf({ prior: { made: 'yes' } }).path).toEqual(['prior', 'made']);
  });

  it('leaves issues outside unions as zod gave them', () => {
    const issue = issueOf({ mode: 'x' });
    expect(issue.path).toEqual(['mode']);
    expect(issue.code).toBe('invalid_value');
    expect(issueOf({ extra: 1 }).code).toBe('unrecognized_keys');
  });
});
