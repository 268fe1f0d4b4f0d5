import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallFacts } from '../../../src/engine/types.js';
import { Page } from '../components/page.js';
import { ProblemMessage } from '../components/problem-message.js';
import { GUIDED_QUESTIONS, type GuidedQuestion } from '../data/guided-questions.js';
import { useAppState } from '../lib/app-state.js';
import { assess } from '../lib/engine.js';
import type { Problem } from '../../../src/errors/problem.js';
import { href, navigate } from '../lib/router.js';

interface Step {
  index: number;
  facts: CallFacts;
}

function nextIndex(from: number, facts: CallFacts): number {
  for (let i = from + 1; i < GUIDED_QUESTIONS.length; i++) {
    const q = GUIDED_QUESTIONS[i];
    if (q && (!q.when || q.when(facts))) return i;
  }
  return GUIDED_QUESTIONS.length;
}

/** The article's checklist as a short flow: one question, big answers, back and skip. */
export function GuidedPage() {
  const { setLastCheck } = useAppState();
  const [history, setHistory] = useState<Step[]>([]);
  const [step, setStep] = useState<Step>({ index: 0, facts: {} });
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const question: GuidedQuestion | undefined = GUIDED_QUESTIONS[step.index];
  const total = GUIDED_QUESTIONS.filter((q) => !q.when || q.when(step.facts)).length;
  const position = GUIDED_QUESTIONS.slice(0, step.index + 1).filter(
    (q) => !q.when || q.when(step.facts),
  ).length;

  useEffect(() => {
    if (history.length > 0) questionHeading.current?.focus();
  }, [step.index, history.length]);

  function finish(facts: CallFacts): void {
    const result = assess({ facts });
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setLastCheck({ from: 'guided', facts, assessment: result.value, at: new Date() });
    navigate('/verdict');
  }

  function advance(facts: CallFacts): void {
    const typed = text.trim();
    const withText = typed && question?.textInput ? question.textInput.applyText(facts, typed) : facts;
    const next = nextIndex(step.index, withText);
    setHistory([...history, step]);
    setText('');
    setProblem(null);
    if (next >= GUIDED_QUESTIONS.length) {
      setStep({ index: next, facts: withText });
      finish(withText);
    } else {
      setStep({ index: next, facts: withText });
    }
  }

  function back(): void {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setStep(previous);
    setText('');
    setProblem(null);
  }

  if (!question) {
    return (
      <Page title="Check a call">
        {problem ? <ProblemMessage problem={problem} /> : <p>Working out the answer…</p>}
        <div class="actions">
          <button type="button" class="button" onClick={back}>
            Back
          </button>
          <a class="button" href={href('/transcript')}>
            Paste what was said instead
          </a>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Check a call" lead="Answer what you can. If you don't know, press Skip.">
      <p class="progress">
        Question {position} of {total}
      </p>
      <section class="question-card" aria-labelledby="question-text">
        <h2 id="question-text" tabIndex={-1} ref={questionHeading}>
          {question.text}
        </h2>
        {question.help ? <p class="help">{question.help}</p> : null}
        {question.textInput ? (
          <div class="field">
            <label for={`q-${question.id}-text`}>{question.textInput.label}</label>
            <input
              id={`q-${question.id}-text`}
              type="text"
              inputMode={question.textInput.inputMode ?? 'text'}
              autocomplete={question.textInput.autocomplete ?? 'off'}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        ) : null}
        <ul class="answer-list">
          {question.options.map((option) => (
            <li key={option.label}>
              <button type="button" class="answer-button" onClick={() => advance(option.apply(step.facts))}>
                {option.label}
              </button>
            </li>
          ))}
          {question.textInput && text.trim() ? (
            <li>
              <button type="button" class="answer-button" onClick={() => advance(step.facts)}>
                Use what I typed
              </button>
            </li>
          ) : null}
        </ul>
      </section>
      <div class="actions">
        <button type="button" class="button" onClick={back} disabled={history.length === 0}>
          Back
        </button>
        <button type="button" class="button" onClick={() => advance(step.facts)}>
          Skip
        </button>
      </div>
      <p>
        Have the words of the call? <a href={href('/transcript')}>Paste what was said</a> instead.
      </p>
    </Page>
  );
}
