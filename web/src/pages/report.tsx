import { useRef, useState } from 'preact/hooks';
import { RED_FLAG_IDS } from '../../../src/engine/types.js';
import type { Ask, NumberSource, Report } from '../../../src/store/types.js';
import { FilingTexts } from '../components/filing-texts.js';
import { Page } from '../components/page.js';
import { postJson, reporterKey, type ApiProblem } from '../lib/api.js';
import { useAppState } from '../lib/app-state.js';
import { ASK_WORDS, tacticTitle } from '../lib/labels.js';
import { draftFromCheck, type ReportDraft } from '../lib/report-draft.js';
import type { PageComponentProps } from '../routes.js';

const SOURCE_WORDS: Record<NumberSource, string> = {
  'caller-id': 'It showed on my phone when they called',
  popup: 'A pop-up on my screen',
  invoice: 'An invoice or bill',
  search: 'A search result or advert',
  sms: 'A text message',
  email: 'An email',
  website: 'A website',
  voicemail: 'A voicemail',
  other: 'Somewhere else',
};

const KNOWN_TACTICS = new Set<string>(RED_FLAG_IDS);

type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; report: Report }
  | { kind: 'error'; message: string };

function toIsoDate(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const noon = new Date(`${date}T12:00:00`);
  const now = new Date();
  return (noon > now ? now : noon).toISOString();
}

/** The body of POST /v1/reports, from the form. Only what the person chose to share. */
export function reportBody(draft: ReportDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    number: draft.number.trim(),
    direction: draft.direction,
    tactics: draft.tactics.filter((t) => KNOWN_TACTICS.has(t)),
    askedFor: draft.askedFor,
    given: draft.given,
  };
  const occurredAt = toIsoDate(draft.date);
  if (occurredAt) body.occurredAt = occurredAt;
  if (draft.numberSource) body.numberSource = draft.numberSource;
  if (draft.claimedOrg.trim()) body.claimedOrg = draft.claimedOrg.trim().slice(0, 100);
  const amount = Number(draft.amountLost.replace(/[, ]/g, ''));
  if (draft.amountLost.trim() && Number.isFinite(amount) && amount > 0) {
    body.amountLost = amount;
    body.currency = draft.currency.trim().toUpperCase() || 'USD';
  }
  if (/^[A-Za-z]{2}$/.test(draft.country.trim())) body.country = draft.country.trim().toUpperCase();
  if (draft.region.trim()) body.region = draft.region.trim().slice(0, 100);
  if (draft.text.trim()) body.text = draft.text.trim().slice(0, 5000);
  return body;
}

export function ReportPage({ query }: PageComponentProps) {
  const { lastCheck } = useAppState();
  const [draft, setDraft] = useState<ReportDraft>(() =>
    draftFromCheck(lastCheck, query.get('number') ?? undefined),
  );
  const [offeredTactics] = useState<string[]>(() => draft.tactics);
  const [consent, setConsent] = useState(false);
  const [send, setSend] = useState<SendState>({ kind: 'idle' });
  // Same body, same key: a double click or a retry after a timeout never stores two reports.
  const lastSent = useRef<{ body: string; key: string } | null>(null);
  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]): void =>
    setDraft({ ...draft, [key]: value });
  const toggle = (key: 'askedFor' | 'given', ask: Ask, on: boolean): void =>
    set(key, on ? [...draft[key], ask] : draft[key].filter((a) => a !== ask));

  async function share(event: Event): Promise<void> {
    event.preventDefault();
    if (!consent) return;
    if (!draft.number.trim()) {
      setSend({
        kind: 'error',
        message: 'Add the phone number first. The community report is about that number.',
      });
      return;
    }
    setSend({ kind: 'sending' });
    const body = reportBody(draft);
    const json = JSON.stringify(body);
    if (lastSent.current?.body !== json) lastSent.current = { body: json, key: crypto.randomUUID() };
    // The anonymous reporter key and the idempotency key travel as headers (see src/server/client-key.ts).
    const result = await postJson<Report>('/v1/reports', body, {
      'X-Reporter-Key': reporterKey(),
      'Idempotency-Key': lastSent.current.key,
    });
    if (result.ok) setSend({ kind: 'sent', report: result.data });
    else if (result.offline) setSend({ kind: 'error', message: result.message });
    else setSend({ kind: 'error', message: problemText(result.problem) });
  }

  return (
    <Page
      title="Report the call"
      lead="Reporting helps stop the people behind the call. Check the details below, then choose where to send them."
    >
      {lastCheck ? (
        <p class="panel">We filled in what we know from your check. Change anything that is wrong.</p>
      ) : null}
      <form onSubmit={(e) => void share(e)} class="stack no-print" aria-labelledby="report-form-heading">
        <h2 id="report-form-heading">What happened</h2>
        <div class="fields-row">
          <div class="field">
            <label for="r-number">Their phone number</label>
            <input
              id="r-number"
              type="tel"
              autocomplete="off"
              value={draft.number}
              onInput={(e) => set('number', inputValue(e))}
            />
          </div>
          <div class="field">
            <label for="r-date">Date of the call</label>
            <input id="r-date" type="date" value={draft.date} onInput={(e) => set('date', inputValue(e))} />
          </div>
        </div>
        <div class="fields-row">
          <div class="field">
            <label for="r-direction">Who called whom?</label>
            <select
              id="r-direction"
              value={draft.direction}
              onChange={(e) => set('direction', inputValue(e) === 'i-called' ? 'i-called' : 'they-called')}
            >
              <option value="they-called">They called me</option>
              <option value="i-called">I called them</option>
            </select>
          </div>
          <div class="field">
            <label for="r-source">Where did the number come from?</label>
            <select
              id="r-source"
              value={draft.numberSource}
              onChange={(e) => set('numberSource', inputValue(e) as NumberSource | '')}
            >
              <option value="">I don't know</option>
              {Object.entries(SOURCE_WORDS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="r-org">Who did they say they were?</label>
          <input
            id="r-org"
            type="text"
            autocomplete="off"
            value={draft.claimedOrg}
            onInput={(e) => set('claimedOrg', inputValue(e))}
          />
        </div>
        {offeredTactics.length > 0 ? (
          <fieldset class="checkbox-list">
            <legend>Warning signs</legend>
            {offeredTactics.map((id) => (
              <label key={id}>
                <input
                  type="checkbox"
                  checked={draft.tactics.includes(id)}
                  onChange={(e) =>
                    set(
                      'tactics',
                      (e.currentTarget as HTMLInputElement).checked
                        ? [...draft.tactics, id]
                        : draft.tactics.filter((t) => t !== id),
                    )
                  }
                />
                {tacticTitle(id)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <AskBoxes
          legend="What did they ask for?"
          name="asked"
          chosen={draft.askedFor}
          onToggle={(a, on) => toggle('askedFor', a, on)}
        />
        <AskBoxes
          legend="What did you give them?"
          name="given"
          chosen={draft.given}
          onToggle={(a, on) => toggle('given', a, on)}
        />
        <div class="fields-row">
          <div class="field">
            <label for="r-amount">Money lost (if any)</label>
            <input
              id="r-amount"
              type="text"
              inputMode="decimal"
              autocomplete="off"
              value={draft.amountLost}
              onInput={(e) => set('amountLost', inputValue(e))}
            />
          </div>
          <div class="field">
            <label for="r-currency">Currency</label>
            <input
              id="r-currency"
              type="text"
              autocomplete="off"
              maxLength={10}
              value={draft.currency}
              onInput={(e) => set('currency', inputValue(e))}
            />
          </div>
        </div>
        <div class="fields-row">
          <div class="field">
            <label for="r-country">Your country (2 letters, like US or GB)</label>
            <input
              id="r-country"
              type="text"
              autocomplete="country"
              maxLength={2}
              value={draft.country}
              onInput={(e) => set('country', inputValue(e))}
            />
          </div>
          <div class="field">
            <label for="r-region">Your state or region (optional)</label>
            <input
              id="r-region"
              type="text"
              autocomplete="address-level1"
              value={draft.region}
              onInput={(e) => set('region', inputValue(e))}
            />
          </div>
        </div>
        <div class="field">
          <label for="r-text">What happened, in your words</label>
          <p class="help" id="r-text-help">
            Do not type passwords, codes or full card numbers. If you do, we remove them before anything is
            saved.
          </p>
          <textarea
            id="r-text"
            rows={6}
            maxLength={5000}
            aria-describedby="r-text-help"
            value={draft.text}
            onInput={(e) => set('text', inputValue(e))}
          />
        </div>

        <h2>Warn other people</h2>
        <label class="consent">
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent((e.currentTarget as HTMLInputElement).checked)}
          />
          Yes, share this report with the CallGuard community. It keeps the number and what they did. It never
          keeps your name or how to reach you.
        </label>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={!consent || send.kind === 'sending'}>
            Share the report
          </button>
        </div>
        <div role="status" aria-live="polite">
          {send.kind === 'sending' ? <p>Sending…</p> : null}
          {send.kind === 'sent' ? <SentReport report={send.report} /> : null}
        </div>
        {send.kind === 'error' ? (
          <div class="problem" role="alert">
            <p>{send.message}</p>
          </div>
        ) : null}
      </form>

      <FilingTexts draft={draft} check={lastCheck} />
    </Page>
  );
}

function SentReport({ report }: { report: Report }) {
  return (
    <div class="panel sent-report">
      <p>
        <strong>Thank you. Your report was saved.</strong> This is what other people can see:
      </p>
      <p>
        Number: {report.number}
        {report.claimedOrg ? <> · They said they were: {report.claimedOrg}</> : null}
      </p>
      {report.text ? (
        <>
          <p>Your words, as saved (passwords, codes and card numbers removed):</p>
          <p class="saved-text">{report.text}</p>
        </>
      ) : null}
    </div>
  );
}

function AskBoxes({
  legend,
  name,
  chosen,
  onToggle,
}: {
  legend: string;
  name: string;
  chosen: readonly Ask[];
  onToggle(ask: Ask, on: boolean): void;
}) {
  return (
    <fieldset class="checkbox-list">
      <legend>{legend}</legend>
      {(Object.keys(ASK_WORDS) as Ask[]).map((ask) => (
        <label key={ask}>
          <input
            type="checkbox"
            name={name}
            value={ask}
            checked={chosen.includes(ask)}
            onChange={(e) => onToggle(ask, (e.currentTarget as HTMLInputElement).checked)}
          />
          {ASK_WORDS[ask]}
        </label>
      ))}
    </fieldset>
  );
}

function inputValue(event: Event): string {
  return (event.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
}

function problemText(problem: ApiProblem): string {
  return [problem.title + '.', problem.detail, problem.howToFix].filter(Boolean).join(' ');
}
