import type { Problem } from '../../../src/errors/problem.js';

/** A user-facing error: what was wrong and how to fix it. Never a stack trace. */
export function ProblemMessage({ problem }: { problem: Problem }) {
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{problem.title}.</strong> {problem.detail}
      </p>
      <p>{problem.howToFix}</p>
    </div>
  );
}
