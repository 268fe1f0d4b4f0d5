import type { RedFlag } from '../../../src/engine/types.js';
import { describeEvidence } from '../lib/words.js';

/** Each warning sign: what it is, why it matters, what showed it, and who says so. */
export function RedFlagList({ flags, idPrefix = 'flag' }: { flags: readonly RedFlag[]; idPrefix?: string }) {
  return (
    <ol class="flags">
      {flags.map((flag, index) => (
        <li key={flag.id} id={`${idPrefix}-${index + 1}`} class={`flag severity-${flag.severity}`}>
          <p class="flag-title">
            <strong>{flag.title}</strong>
          </p>
          <p>{flag.explanation}</p>
          {flag.evidence.length > 0 ? (
            <ul class="evidence">
              {flag.evidence.slice(0, 3).map((ev, i) => (
                <li key={i}>{describeEvidence(ev)}</li>
              ))}
            </ul>
          ) : null}
          <p class="source">
            Source:{' '}
            {flag.source.url ? (
              <a href={flag.source.url} rel="noopener noreferrer" target="_blank">
                {flag.source.name}
                <span class="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              flag.source.name
            )}
            {flag.source.quote ? <> — “{flag.source.quote}”</> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
