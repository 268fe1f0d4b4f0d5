import { useMemo, useState } from 'preact/hooks';
import { recoveryPlan, URGENCY_LABELS, type RecoveryStep } from '../../../src/cases/recovery.js';
import { REMOTE_TOOLS } from '../../../src/cases/schema.js';
import { createCase } from '../../../src/cases/validate.js';
import { Page } from '../components/page.js';
import { ProblemMessage } from '../components/problem-message.js';
import { attempt } from '../lib/engine.js';
import { allAmountsKnown, caseItems, isoToday, NOTHING_GIVEN, type GivenAway } from '../lib/recovery-case.js';
import { href } from '../lib/router.js';

type Flag =
  'remoteAccess' | 'password' | 'card' | 'bankDetails' | 'ssn' | 'bankTransfer' | 'giftCards' | 'crypto';

const CHOICES: ReadonlyArray<{ key: Flag; label: string }> = [
  { key: 'remoteAccess', label: 'I let them into my computer (AnyDesk, TeamViewer or similar)' },
  { key: 'password', label: 'I gave a password or a code' },
  { key: 'card', label: 'I gave my card details' },
  { key: 'bankDetails', label: 'I gave my bank account details' },
  { key: 'ssn', label: 'I gave my Social Security number or an ID' },
  { key: 'bankTransfer', label: 'I sent money by bank transfer or wire' },
  { key: 'giftCards', label: 'I paid with gift cards' },
  { key: 'crypto', label: 'I paid with crypto (like Bitcoin), or at a crypto ATM' },
];

const AMOUNT_FOR: Partial<Record<Flag, keyof GivenAway['amounts']>> = {
  bankTransfer: 'bankTransfer',
  giftCards: 'giftCards',
  crypto: 'crypto',
};

const CALL_STEP = /^(Call|Contact|Ask|Report the payment|Tell your bank)/;

/** "I already gave access or money": a plan matched to what was given, most urgent first. */
export function RecoveryPage() {
  const [given, setGiven] = useState<GivenAway>(NOTHING_GIVEN);
  const anything = CHOICES.some((c) => given[c.key]);
  const plan = useMemo(
    () =>
      anything
        ? attempt(() => recoveryPlan(createCase({ country: 'US', items: caseItems(given, isoToday()) })))
        : null,
    [given, anything],
  );
  const showBecause = allAmountsKnown(given);

  return (
    <Page
      title="I already gave them access or money"
      lead="Don't panic. Act now: some money can still be stopped. Tick everything that happened."
    >
      <fieldset class="checkbox-list">
        <legend>What did you give them?</legend>
        {CHOICES.map((choice) => {
          const amountKey = AMOUNT_FOR[choice.key];
          return (
            <div key={choice.key}>
              <label>
                <input
                  type="checkbox"
                  checked={given[choice.key]}
                  onChange={(e) =>
                    setGiven({ ...given, [choice.key]: (e.currentTarget as HTMLInputElement).checked })
                  }
                />
                {choice.label}
              </label>
              {choice.key === 'remoteAccess' && given.remoteAccess ? (
                <div class="field nested">
                  <label for="rec-tool">Which program?</label>
                  <select
                    id="rec-tool"
                    value={given.remoteTool}
                    onChange={(e) =>
                      setGiven({ ...given, remoteTool: (e.currentTarget as HTMLSelectElement).value })
                    }
                  >
                    {REMOTE_TOOLS.map((tool) => (
                      <option key={tool} value={tool}>
                        {tool === 'other' ? "Another one, or I don't know" : tool}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {amountKey && given[choice.key] ? (
                <div class="field nested">
                  <label for={`rec-amount-${amountKey}`}>About how much? (a guess is fine)</label>
                  <input
                    id={`rec-amount-${amountKey}`}
                    type="text"
                    inputMode="decimal"
                    autocomplete="off"
                    value={given.amounts[amountKey]}
                    onInput={(e) =>
                      setGiven({
                        ...given,
                        amounts: {
                          ...given.amounts,
                          [amountKey]: (e.currentTarget as HTMLInputElement).value,
                        },
                      })
                    }
                  />
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>

      {!anything ? <p>Tick what happened to see your plan.</p> : null}
      {plan && !plan.ok ? <ProblemMessage problem={plan.problem} /> : null}
      {plan && plan.ok ? <Plan steps={plan.value} showBecause={showBecause} /> : null}
    </Page>
  );
}

function Plan({ steps, showBecause }: { steps: readonly RecoveryStep[]; showBecause: boolean }) {
  const first = steps[0];
  // The plan's most urgent phone call (bank, gift card company, exchange…), named on its own.
  const firstCall = steps.find((step) => step.urgency === 'minutes' && CALL_STEP.test(step.title));
  return (
    <section aria-labelledby="plan-heading" class="recovery-plan">
      <h2 id="plan-heading">Your plan</h2>
      {first ? (
        <div class="alert-box">
          <p class="stop-title">First: {first.title}</p>
          <p>{first.detail}</p>
          {firstCall && firstCall !== first ? (
            <p class="first-call">
              <strong>Who to call first:</strong> {firstCall.title}. {firstCall.detail}
            </p>
          ) : null}
        </div>
      ) : null}
      <ol class="steps">
        {steps.map((step) => (
          <li key={step.id}>
            <p>
              <strong>{URGENCY_LABELS[step.urgency]}:</strong> {step.title}
            </p>
            <p>{step.detail}</p>
            {showBecause ? <p class="help">Why: {step.because}</p> : null}
            <p class="source">
              Source:{' '}
              <a href={step.source.url} rel="noopener noreferrer" target="_blank">
                {step.source.name}
                <span class="visually-hidden"> (opens in a new tab)</span>
              </a>
            </p>
          </li>
        ))}
      </ol>
      <div class="actions">
        <a class="button button-primary" href={href('/report')}>
          Make the reports
        </a>
        <button type="button" class="button" onClick={() => window.print()}>
          Print this plan
        </button>
      </div>
    </section>
  );
}
