import { useEffect, useRef, useState } from 'preact/hooks';
import { checkNumber, scanText, type NumberSource } from '../../../src/claims/index.js';
import type { Reputation } from '../../../src/store/types.js';
import { Page } from '../components/page.js';
import { ProblemMessage } from '../components/problem-message.js';
import { getJson } from '../lib/api.js';
import { emailItem, numberItem, urlItem, type CheckedItem } from '../lib/claim-view.js';
import { attempt } from '../lib/engine.js';
import type { Problem } from '../../../src/errors/problem.js';
import { href } from '../lib/router.js';
import type { PageComponentProps } from '../routes.js';

const MAX_TEXT = 100_000;

const SOURCES: ReadonlyArray<{ value: NumberSource | ''; label: string }> = [
  { value: '', label: "I don't know, or somewhere else" },
  { value: 'popup', label: 'A pop-up or warning on my screen' },
  { value: 'invoice-email', label: 'An invoice or bill' },
  { value: 'email', label: 'An email' },
  { value: 'sms', label: 'A text message' },
  { value: 'search-result', label: 'A search result or advert' },
  { value: 'official-site', label: "The company's own website" },
];

type SourceValue = NumberSource | '';

type RepState =
  { status: 'loading' } | { status: 'done'; reputation: Reputation } | { status: 'unavailable' };

/** Paste anything: every number, link and email address in it is checked, here on the device. */
export function CheckPage({ query }: PageComponentProps) {
  const initialSource: SourceValue = SOURCES.find((s) => s.value === query.get('source'))?.value ?? '';
  const [text, setText] = useState('');
  const [source, setSource] = useState<SourceValue>(initialSource);
  const [org, setOrg] = useState('');
  const [items, setItems] = useState<CheckedItem[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reputation, setReputation] = useState<Record<string, RepState>>({});
  // How many characters were left out of the last check (the box takes any paste; see MAX_TEXT).
  const [leftOut, setLeftOut] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // The findings appear below the form: take focus there so they are read out and scrolled into view.
  useEffect(() => {
    if (items) resultsHeading.current?.focus();
  }, [items]);

  function check(event: Event): void {
    event.preventDefault();
    const input = text.slice(0, MAX_TEXT);
    setLeftOut(text.length - input.length);
    const opts = org.trim() ? { org: org.trim() } : {};
    const scanned = attempt(() => scanText(input, opts));
    if (!scanned.ok) {
      setProblem(scanned.problem);
      setItems(null);
      return;
    }
    setProblem(null);
    const numbers = scanned.value.numbers.map((n) => {
      if (!source) return n;
      // Re-check with where the number came from: a pop-up or an invoice is a warning in itself.
      const again = attempt(() => checkNumber(n.e164 ?? n.input, { ...opts, source }));
      return again.ok ? again.value : n;
    });
    const found = [
      ...numbers.map(numberItem),
      ...scanned.value.urls.map(urlItem),
      ...scanned.value.emails.map(emailItem),
    ];
    setItems(found);
    setReputation({});
    for (const item of found) if (item.e164) void lookup(item.e164);
  }

  async function lookup(e164: string): Promise<void> {
    setReputation((r) => ({ ...r, [e164]: { status: 'loading' } }));
    // The server's number check, carrying the community reputation from its store.
    const result = await getJson<{ reputation?: Reputation }>(`/v1/numbers/${encodeURIComponent(e164)}`);
    const reputation = result.ok ? result.data.reputation : undefined;
    const state: RepState = reputation ? { status: 'done', reputation } : { status: 'unavailable' };
    setReputation((r) => ({ ...r, [e164]: state }));
  }

  return (
    <Page
      title="Check a number, link or email"
      lead="Paste a phone number, a web address, an email, or all the text of a pop-up or email. We check each one."
    >
      {source === 'popup' ? (
        <p class="panel">
          <strong>Good to know:</strong> Microsoft’s real warnings never show a phone number. A pop-up that
          tells you to call a number is a scam. Close the browser. If it will not close, restart the computer.
        </p>
      ) : null}
      <form onSubmit={check} class="stack">
        <div class="field">
          <label for="check-text">What do you want to check?</label>
          <textarea
            id="check-text"
            rows={6}
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="fields-row">
          <div class="field">
            <label for="check-source">Where did you see it?</label>
            <select
              id="check-source"
              value={source}
              onChange={(e) => setSource((e.currentTarget as HTMLSelectElement).value as SourceValue)}
            >
              {SOURCES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="check-org">Which company does it say it is? (optional)</label>
            <input
              id="check-org"
              type="text"
              autocomplete="off"
              value={org}
              onInput={(e) => setOrg((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            Check
          </button>
        </div>
      </form>
      {problem ? <ProblemMessage problem={problem} /> : null}
      {items ? (
        <section aria-labelledby="check-results-heading">
          <h2 id="check-results-heading" tabIndex={-1} ref={resultsHeading}>
            {items.length === 0 ? 'Nothing to check found' : `What we found (${items.length})`}
          </h2>
          {leftOut > 0 ? (
            <p class="panel" id="check-left-out">
              Only the first {MAX_TEXT.toLocaleString('en')} characters were checked. The last{' '}
              {leftOut.toLocaleString('en')} were left out: paste them on their own to check them too.
            </p>
          ) : null}
          {items.length === 0 ? (
            <p>We found no phone number, web address or email address in that text.</p>
          ) : (
            <ul class="check-list">
              {items.map((item, i) => (
                <li key={`${item.kind}-${i}`} class={`check-item tone-${item.tone}`}>
                  <h3>
                    {item.kind === 'number' ? 'Phone number' : item.kind === 'link' ? 'Web address' : 'Email'}
                    : {item.shown}
                  </h3>
                  <p>
                    <strong>{item.headline}</strong>
                  </p>
                  {item.reasons.length > 0 ? (
                    <ul>
                      {item.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : null}
                  {item.e164 ? <ReputationLine state={reputation[item.e164]} e164={item.e164} /> : null}
                </li>
              ))}
            </ul>
          )}
          <p>
            To reach a company, find its number yourself on its own website, or on your card or bill.{' '}
            <a href={href('/faq')}>How to tell a real call from a fake one</a>.
          </p>
        </section>
      ) : null}
    </Page>
  );
}

function ReputationLine({ state, e164 }: { state: RepState | undefined; e164: string }) {
  if (!state || state.status === 'loading') return <p class="help">Looking up community reports…</p>;
  if (state.status === 'unavailable')
    return <p class="help">Community reports are not available right now.</p>;
  const r = state.reputation;
  if (r.official) {
    return (
      <p>
        This is an official number of {r.official.name}. Scammers often fake official numbers, so if they
        called you, hang up and call this number yourself.
      </p>
    );
  }
  if (r.reporters === 0 && r.feeds.reports === 0)
    return <p>No one has reported this number to CallGuard yet.</p>;
  return (
    <p>
      Community: {r.reporters} {r.reporters === 1 ? 'person has' : 'people have'} reported this number
      {r.feeds.reports > 0 ? `, and it appears in ${r.feeds.reports} public complaints` : ''}.{' '}
      <a href={href(`/report?number=${encodeURIComponent(e164)}`)}>Report it too</a>
    </p>
  );
}
