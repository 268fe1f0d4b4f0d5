/** Readable terminal text for an Assessment; colour only when asked (a TTY). */
import type { Assessment, Evidence, Verdict } from '../../engine/types.js';
import { riskPercent } from '../../engine/risk-percent.js';

const VERDICT_LABEL: Record<Verdict, string> = {
  scam: 'SCAM',
  'likely-scam': 'LIKELY SCAM',
  unclear: 'UNCLEAR',
  'low-risk': 'LOW RISK (still verify)',
};

type Paint = (code: string, s: string) => string;

export function renderAssessment(a: Assessment, colour: boolean): string {
  const paint: Paint = colour ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
  const verdictColour =
    a.verdict === 'scam' || a.verdict === 'likely-scam' ? '1;31' : a.verdict === 'unclear' ? '1;33' : '1;32';
  const out: string[] = [];
  out.push(`${paint(verdictColour, VERDICT_LABEL[a.verdict])}  (risk ${riskPercent(a.risk)})`);
  out.push(wrap(a.summary, 0));
  if (a.warnings.length > 0) {
    out.push('', paint('1;31', 'Warning'));
    for (const w of a.warnings) out.push(wrap(`! ${w.message}`, 2));
  }
  if (a.redFlags.length > 0) {
    out.push('', paint('1', `Red flags (${a.redFlags.length})`));
    for (const f of a.redFlags) {
      out.push(`  ${paint('31', '•')} ${paint('1', f.title)}  ${paint('2', `[${f.id} +${f.weight}]`)}`);
      for (const e of f.evidence.slice(0, 2)) out.push(wrap(describeEvidence(e), 6));
      out.push(wrap(f.explanation, 6));
      const src = f.source.url ? `${f.source.name}: ${f.source.url}` : f.source.name;
      out.push(paint('2', wrap(`Source: ${src}`, 6)));
    }
  }
  if (a.mitigations && a.mitigations.length > 0) {
    out.push('', paint('1', 'In its favour'));
    for (const m of a.mitigations) out.push(wrap(`+ ${m.title}  [${m.id} ${m.weight}]`, 2));
  }
  out.push('', paint('1', 'What to do now'));
  a.nextSteps.forEach((s, i) => out.push(wrap(`${i + 1}. ${s.text}${s.url ? ` ${s.url}` : ''}`, 2)));
  out.push('', paint('1', 'Questions to ask the caller'));
  for (const q of a.questionsToAsk) out.push(wrap(`- ${q}`, 2));
  if (a.officialContact) {
    out.push(
      '',
      `${paint('1', 'Official contact:')} ${a.officialContact.text}${a.officialContact.url ? ` ${a.officialContact.url}` : ''}`,
    );
  }
  return out.join('\n') + '\n';
}

function describeEvidence(e: Evidence): string {
  if (e.kind === 'fact') return `(${e.fact}: ${e.value})`;
  return `"${e.quote}" (${e.speaker}, line ${e.segment + 1})`;
}

function wrap(text: string, indent: number, width = 96): string {
  const pad = ' '.repeat(indent);
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width - indent) {
      lines.push(pad + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(pad + line);
  return lines.join('\n');
}
