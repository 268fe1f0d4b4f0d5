import { useMemo } from 'preact/hooks';
import {
  applicableReports,
  createCase,
  generateReport,
  type AuthorityReport,
} from '../../../src/cases/index.js';
import type { LastCheck } from '../lib/app-state.js';
import { caseFromReport } from '../lib/case-from-report.js';
import { attempt } from '../lib/engine.js';
import type { ReportDraft } from '../lib/report-draft.js';
import { CopyButton } from './copy-button.js';
import { ProblemMessage } from './problem-message.js';

const ALWAYS = ['ftc', 'ic3', 'microsoft'] as const;

/**
 * Ready-to-file texts for the FTC, the FBI's IC3 and Microsoft (plus any other report that fits
 * the case), written by src/cases from the form above. Built here, on the device.
 */
export function FilingTexts({ draft, check }: { draft: ReportDraft; check: LastCheck | null }) {
  const result = useMemo(
    () =>
      attempt(() => {
        const c = createCase(caseFromReport(draft, check));
        const main = ALWAYS.map((id) => generateReport(c, id));
        const more = applicableReports(c).filter((r) => !ALWAYS.some((id) => id === r.id));
        return [...main, ...more];
      }),
    [draft, check],
  );
  return (
    <section aria-labelledby="filing-heading" class="filings">
      <h2 id="filing-heading">Reports to file yourself</h2>
      <p>
        Each text below is filled in from the form above, in the order the official form asks. Open the form,
        then copy each answer across. Nothing is sent until you send it yourself.
      </p>
      {!result.ok ? <ProblemMessage problem={result.problem} /> : null}
      {result.ok ? (
        <>
          <div class="actions no-print">
            <button type="button" class="button" onClick={() => window.print()}>
              Print these reports
            </button>
          </div>
          {result.value.map((report) => (
            <Filing key={report.id} report={report} />
          ))}
        </>
      ) : null}
    </section>
  );
}

function Filing({ report }: { report: AuthorityReport }) {
  return (
    <article class="filing" aria-labelledby={`filing-${report.id}`}>
      <h3 id={`filing-${report.id}`}>{report.title}</h3>
      {!report.applies ? <p class="help">{report.reason}</p> : null}
      <p>
        <a href={report.url} rel="noopener noreferrer" target="_blank">
          Open the {report.title} form
          <span class="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
      <pre class="filing-text">{report.text}</pre>
      <div class="actions no-print">
        <CopyButton text={report.text} label={`Copy the ${report.title} text`} />
      </div>
    </article>
  );
}
