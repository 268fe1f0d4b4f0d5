import type { ComponentChildren } from 'preact';
import type { RedFlag, Speaker, Transcript } from '../../../src/engine/types.js';

interface Span {
  start: number;
  end: number;
  flagIndex: number;
}

/** Quote spans of every flag, sorted, with overlaps trimmed so each character is marked once. */
export function quoteSpans(text: string, flags: readonly RedFlag[]): Span[] {
  const spans: Span[] = [];
  flags.forEach((flag, flagIndex) => {
    for (const ev of flag.evidence) {
      if (ev.kind !== 'quote') continue;
      const start = Math.max(0, Math.min(text.length, ev.start));
      const end = Math.max(start, Math.min(text.length, ev.end));
      if (end > start) spans.push({ start, end, flagIndex });
    }
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let covered = 0;
  for (const span of spans) {
    const start = Math.max(span.start, covered);
    if (span.end <= start) continue;
    out.push({ ...span, start });
    covered = span.end;
  }
  return out;
}

const SPEAKER_WORDS: Record<Speaker, string> = { caller: 'Caller', callee: 'You', unknown: '' };

/**
 * The transcript as text, one line per turn with who spoke, each warning-sign phrase marked and
 * numbered like the list of signs. Text nodes only: whatever the transcript holds is never HTML.
 */
export function HighlightedTranscript({
  transcript,
  flags,
}: {
  transcript: Transcript;
  flags: readonly RedFlag[];
}) {
  const { text } = transcript;
  const spans = quoteSpans(text, flags);
  const segments =
    transcript.segments.length > 0 ? transcript.segments : [{ speaker: 'unknown' as const, text, offset: 0 }];
  return (
    <div class="transcript">
      {segments.map((seg, i) => {
        const start = seg.offset;
        const end = seg.offset + seg.text.length;
        const who = seg.speaker === 'unknown' ? (seg.label ?? '') : SPEAKER_WORDS[seg.speaker];
        return (
          <p key={i} class="turn">
            {who ? <strong class="turn-speaker">{who}: </strong> : null}
            {marked(text, start, end, spans, flags)}
          </p>
        );
      })}
    </div>
  );
}

/** The text between start and end, with the parts of spans inside it marked. */
function marked(
  text: string,
  start: number,
  end: number,
  spans: readonly Span[],
  flags: readonly RedFlag[],
): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let at = start;
  spans.forEach((span, i) => {
    const from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    if (to <= from) return;
    if (from > at) parts.push(text.slice(at, from));
    const flag = flags[span.flagIndex];
    parts.push(
      <mark key={`m${i}`} class={`hl severity-${flag?.severity ?? 'medium'}`}>
        {text.slice(from, to)}
        <span class="hl-tag">
          <span class="visually-hidden"> (warning sign </span>
          {span.flagIndex + 1}
          <span aria-hidden="true">: </span>
          <span class="visually-hidden">, </span>
          {flag?.title ?? ''}
          <span class="visually-hidden">)</span>
        </span>
      </mark>,
    );
    at = to;
  });
  if (at < end) parts.push(text.slice(at, end));
  return parts;
}
