import { useEffect, useRef, useState } from 'preact/hooks';
import type { Assessment, CallFacts, RedFlag, SensitiveInfoWarning } from '../../../src/engine/types.js';
import type { LiveSession } from '../../../src/engine/index.js';
import { FactsFields } from '../components/facts-fields.js';
import { Page } from '../components/page.js';
import { ProblemMessage } from '../components/problem-message.js';
import { useAppState } from '../lib/app-state.js';
import { attempt, createLiveSession } from '../lib/engine.js';
import type { Problem } from '../../../src/errors/problem.js';
import { href, navigate } from '../lib/router.js';
import { listen, speechRecognition } from '../lib/speech.js';
import { VERDICT_WORDS } from '../lib/words.js';

interface Line {
  speaker: 'caller' | 'callee';
  text: string;
}

const MAX_LINE = 2000;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A companion for the call in progress: type what the caller says, get alerts at once. */
export function LivePage() {
  const { setLastCheck } = useAppState();
  const session = useRef<LiveSession | null>(null);
  const stopListening = useRef<(() => void) | null>(null);
  const lineInput = useRef<HTMLInputElement>(null);
  const [facts, setFacts] = useState<CallFacts>({ initiatedBy: 'them' });
  const [lines, setLines] = useState<Line[]>([]);
  const [draft, setDraft] = useState('');
  const [speaker, setSpeaker] = useState<Line['speaker']>('caller');
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [alerts, setAlerts] = useState<RedFlag[]>([]);
  const [warning, setWarning] = useState<SensitiveInfoWarning | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [listening, setListening] = useState(false);
  const [listenNote, setListenNote] = useState<string | null>(null);
  const canListen = speechRecognition() !== null;

  useEffect(() => () => stopListening.current?.(), []);

  function push(text: string, who: Line['speaker']): void {
    // Control characters (pasted terminal output, speech-to-text noise) are dropped before the engine sees them.
    const clean = text.replace(CONTROL_CHARS, ' ').trim().slice(0, MAX_LINE);
    if (!clean) return;
    if (!session.current) session.current = createLiveSession(facts);
    const live = session.current;
    const result = attempt(() => live.push({ speaker: who, text: clean }));
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    const update = result.value;
    setLines((prev) => [...prev, { speaker: who, text: clean }]);
    setAssessment(update.assessment);
    if (update.newFlags.length > 0) setAlerts(update.newFlags);
    const firstWarning = update.warnings[0];
    if (firstWarning) setWarning(firstWarning);
  }

  function submit(event: Event): void {
    event.preventDefault();
    push(draft, speaker);
    setDraft('');
  }

  // The button that had focus disappears with the warning: send focus back to the typing box, so a
  // keyboard or screen-reader user is not dropped at the top of the page in the middle of a call.
  function dismissWarning(): void {
    setWarning(null);
    lineInput.current?.focus();
  }

  function toggleListen(): void {
    if (listening) {
      stopListening.current?.();
      stopListening.current = null;
      setListening(false);
      return;
    }
    setListening(true);
    setListenNote('Listening. What the caller says appears below.');
    stopListening.current = listen(
      (text) => push(text, 'caller'),
      (reason) => {
        setListening(false);
        setListenNote(reason ?? 'Listening stopped.');
      },
    );
  }

  function showResult(): void {
    if (!assessment) return;
    setLastCheck({
      from: 'live',
      facts,
      transcript: lines.map((l) => ({ speaker: l.speaker, text: l.text })),
      assessment,
      at: new Date(),
    });
    navigate('/verdict');
  }

  const words = assessment ? VERDICT_WORDS[assessment.verdict] : null;
  return (
    <Page title="On a call now">
      <section class="panel hang-up" aria-labelledby="hangup-heading">
        <h2 id="hangup-heading">You can hang up at any time</h2>
        <p>
          It is not rude. Say “I will call you back on the official number”, then put the phone down. Call the
          company on a number you find yourself, on its own website or on your card.
        </p>
      </section>

      {warning ? (
        <div class="stop-warning" role="alert">
          <p class="stop-title">Stop. Do not read it out.</p>
          <p>{warning.message}</p>
          <p>No real company asks for this on a call. Hang up now.</p>
          <button type="button" class="button" onClick={dismissWarning}>
            I understand
          </button>
        </div>
      ) : null}

      <div aria-live="assertive" class="live-alerts">
        {alerts.length > 0 ? (
          <div class="alert-box">
            <p>
              <strong>Warning sign:</strong> {alerts.map((f) => f.title).join('; ')}.
            </p>
            {alerts.map((f) => (
              <p key={f.id}>{f.explanation}</p>
            ))}
          </div>
        ) : null}
      </div>

      {lines.length === 0 ? <FactsFields facts={facts} onChange={setFacts} idPrefix="live" /> : null}

      <form onSubmit={submit} class="stack">
        <fieldset class="speaker-choice">
          <legend>Who is speaking?</legend>
          <label>
            <input
              type="radio"
              name="speaker"
              value="caller"
              checked={speaker === 'caller'}
              onChange={() => setSpeaker('caller')}
            />{' '}
            The caller
          </label>
          <label>
            <input
              type="radio"
              name="speaker"
              value="callee"
              checked={speaker === 'callee'}
              onChange={() => setSpeaker('callee')}
            />{' '}
            Me
          </label>
        </fieldset>
        <div class="field">
          <label for="live-text">What did they just say?</label>
          <input
            id="live-text"
            ref={lineInput}
            type="text"
            autocomplete="off"
            maxLength={MAX_LINE}
            value={draft}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            Add
          </button>
          {canListen ? (
            <button type="button" class="button" aria-pressed={listening} onClick={toggleListen}>
              {listening ? 'Stop listening' : 'Listen'}
            </button>
          ) : null}
        </div>
        {canListen ? (
          <p class="help">
            “Listen” uses your browser’s speech recognition. Some browsers send the sound to their maker to
            turn it into words.
          </p>
        ) : null}
        {listenNote ? (
          <p class="help" role="status">
            {listenNote}
          </p>
        ) : null}
      </form>
      {problem ? <ProblemMessage problem={problem} /> : null}

      {assessment && words ? (
        <section aria-labelledby="live-status-heading" class={`verdict-banner tone-${words.tone}`}>
          <h2 id="live-status-heading">So far: {words.headline}</h2>
          <p>{assessment.summary}</p>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={showResult}>
              See the full result
            </button>
          </div>
        </section>
      ) : null}

      {lines.length > 0 ? (
        <section aria-labelledby="live-lines-heading">
          <h2 id="live-lines-heading">What was said</h2>
          <ol class="live-lines">
            {lines.map((line, i) => (
              <li key={i}>
                <strong>{line.speaker === 'caller' ? 'Caller' : 'Me'}:</strong> {line.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        No time to type? <a href={href('/guided')}>Answer a few questions instead</a>.
      </p>
    </Page>
  );
}
