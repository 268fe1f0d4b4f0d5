import type { ComponentChildren } from 'preact';
import type { RedFlag } from '../../../src/engine/types.js';

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

/**
 * The transcript as text, each warning-sign phrase marked and numbered like the list of signs.
 * Rendered as text nodes only: whatever the transcript contains is never interpreted as HTML.
 */
export function HighlightedTranscript({ text, flags }: { text: string; flags: readonly RedFlag[] }) {
  const spans = quoteSpans(text, flags);
  const parts: ComponentChildren[] = [];
  let at = 0;
  spans.forEach((span, i) => {
    if (span.start > at) parts.push(text.slice(at, span.start));
    const flag = flags[span.flagIndex];
    parts.push(
      <mark key={`m${i}`} class={`hl severity-${flag?.severity ?? 'medium'}`}>
        {text.slice(span.start, span.end)}
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
    at = span.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <div class="transcript">{parts}</div>;
}
