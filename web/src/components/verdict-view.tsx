import type { ComponentChildren } from 'preact';
import type { Assessment } from '../../../src/engine/types.js';
import { href } from '../lib/router.js';
import { VERDICT_WORDS, percent } from '../lib/words.js';
import { RedFlagList } from './red-flag-list.js';
import { CopyButton } from './copy-button.js';
import { resultText } from '../lib/result-text.js';

interface VerdictViewProps {
  assessment: Assessment;
  /** Heading level of the sections: 2 on the verdict page, 3 when nested. */
  level?: 2 | 3;
  /** Shown right after the verdict banner (the marked transcript, in transcript mode). */
  afterBanner?: ComponentChildren;
}

/** The whole answer: what we think, why (each flag with its source), what to do, what to ask. */
export function VerdictView({ assessment, level = 2, afterBanner }: VerdictViewProps) {
  const words = VERDICT_WORDS[assessment.verdict];
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <div class="verdict">
      <div class={`verdict-banner tone-${words.tone}`} role="status">
        <p class="verdict-headline">{words.headline}</p>
        <p>{assessment.summary}</p>
        <p class="verdict-risk">
          Risk: <strong>{percent(assessment.risk)}</strong>
          {/* The engine's org is the one named on the call, whether claimed or only mentioned. */}
          {assessment.org ? <> · Organisation named on the call: {assessment.org.name}.</> : null}
        </p>
      </div>
      {afterBanner}

      <section aria-labelledby="next-steps-heading">
        <H id="next-steps-heading">What to do now</H>
        <ol class="steps">
          {assessment.nextSteps.map((step) => (
            <li key={step.id}>
              {step.text}
              {step.url ? (
                <>
                  {' '}
                  <a href={step.url} rel="noopener noreferrer" target="_blank">
                    {hostOf(step.url)}
                    <span class="visually-hidden"> (opens in a new tab)</span>
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="flags-heading">
        <H id="flags-heading">
          {assessment.redFlags.length === 0
            ? 'Warning signs: none found'
            : `Warning signs we found (${assessment.redFlags.length})`}
        </H>
        {assessment.redFlags.length === 0 ? (
          <p>We did not find any warning signs. That does not prove the call was real.</p>
        ) : (
          <RedFlagList flags={assessment.redFlags} />
        )}
      </section>

      {assessment.questionsToAsk.length > 0 ? (
        <section aria-labelledby="questions-heading">
          <H id="questions-heading">Questions to ask the caller</H>
          <p>A real company can answer these. Then hang up and call back yourself.</p>
          <ul class="questions">
            {assessment.questionsToAsk.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {assessment.officialContact ? (
        <section aria-labelledby="official-heading">
          <H id="official-heading">How to reach {assessment.org?.name ?? 'the company'} yourself</H>
          <p>
            {assessment.officialContact.text}
            {assessment.officialContact.url ? (
              <>
                {' '}
                <a href={assessment.officialContact.url} rel="noopener noreferrer" target="_blank">
                  {assessment.officialContact.url}
                  <span class="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}

      <div class="actions">
        <a class="button button-primary" href={href('/report')}>
          Report this call
        </a>
        <a class="button" href={href('/recovery')}>
          I already gave access or money
        </a>
        {/* For the family member or help desk the person turns to: the verdict and the steps, not the call's words. */}
        <CopyButton
          text={resultText(assessment)}
          label="Copy this result to send to someone you trust"
          failed="This browser would not copy. Take a screenshot of this page instead."
        />
      </div>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
