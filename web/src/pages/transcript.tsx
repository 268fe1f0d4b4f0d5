import { useEffect, useRef, useState } from 'preact/hooks';
import type { Assessment, CallFacts, Transcript } from '../../../src/engine/types.js';
import type { Problem } from '../../../src/errors/problem.js';
import { FactsFields } from '../components/facts-fields.js';
import { HighlightedTranscript } from '../components/highlighted-transcript.js';
import { Page } from '../components/page.js';
import { ProblemMessage } from '../components/problem-message.js';
import { VerdictView } from '../components/verdict-view.js';
import { useAppState } from '../lib/app-state.js';
import { assess, parseTranscript } from '../lib/engine.js';
import { readTranscriptFile } from '../lib/read-file.js';

interface Checked {
  transcript: Transcript;
  assessment: Assessment;
}

/** Paste or upload what was said; see each warning-sign phrase marked in it. */
export function TranscriptPage() {
  const { setLastCheck } = useAppState();
  const [text, setText] = useState('');
  const [facts, setFacts] = useState<CallFacts>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // The result appears below the form: move focus (and the view) to it, so a screen reader reads the
  // verdict and a phone user sees it, instead of staying on the button with nothing changing on screen.
  useEffect(() => {
    if (checked) resultHeading.current?.focus();
  }, [checked]);

  async function onFile(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const read = await readTranscriptFile(file);
    if (!read.ok) {
      setFileMessage(read.message);
      return;
    }
    setFileMessage(`Loaded ${file.name}.`);
    setText(read.text);
  }

  function check(event: Event): void {
    event.preventDefault();
    setChecked(null);
    const parsed = parseTranscript(text);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    const result = assess({ transcript: text, facts });
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setChecked({ transcript: parsed.value, assessment: result.value });
    setLastCheck({ from: 'transcript', facts, transcript: text, assessment: result.value, at: new Date() });
  }

  return (
    <Page
      title="Check what was said"
      lead="Paste the words of the call, or choose a file. It is checked here, on your device. Nothing is sent."
    >
      <form onSubmit={check} class="stack">
        <div class="field">
          <label for="transcript-text">What was said on the call</label>
          <p class="help" id="transcript-help">
            Plain text is fine. Lines like “Caller: …” help. Subtitle files (VTT, SRT) and JSON work too.
          </p>
          <textarea
            id="transcript-text"
            rows={10}
            aria-describedby="transcript-help"
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="field">
          <label for="transcript-file">Or choose a file</label>
          <input
            id="transcript-file"
            type="file"
            accept=".txt,.vtt,.srt,.json,text/plain,text/vtt,application/json"
            onChange={(e) => void onFile(e)}
          />
          {fileMessage ? (
            <p class="help" role="status">
              {fileMessage}
            </p>
          ) : null}
        </div>
        <FactsFields facts={facts} onChange={setFacts} idPrefix="transcript" />
        <div class="actions">
          <button type="submit" class="button button-primary">
            Check it
          </button>
        </div>
      </form>
      {problem ? <ProblemMessage problem={problem} /> : null}
      {checked ? (
        <section aria-labelledby="transcript-result-heading" class="result">
          <h2 id="transcript-result-heading" tabIndex={-1} ref={resultHeading}>
            Result
          </h2>
          <VerdictView
            assessment={checked.assessment}
            level={3}
            afterBanner={
              <section aria-labelledby="marked-heading">
                <h3 id="marked-heading">The call, with the warning signs marked</h3>
                <p class="help">Each mark is numbered like the warning signs listed below.</p>
                <HighlightedTranscript transcript={checked.transcript} flags={checked.assessment.redFlags} />
              </section>
            }
          />
        </section>
      ) : null}
    </Page>
  );
}
