import { useEffect, useState } from 'preact/hooks';
import type { Report, Stats } from '../../../src/store/types.js';
import { BarChart, LineChart, type BarDatum } from '../components/charts.js';
import { Page } from '../components/page.js';
import { getJson, type ApiResult } from '../lib/api.js';
import { askWords, tacticTitle } from '../lib/labels.js';

/** GET /v1/stats, plus recent reports when the server includes them. */
type StatsResponse = Stats & { recent?: Report[] };

function sumBy<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number): BarDatum[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + value(row));
  return [...totals.entries()]
    .map(([label, v]) => ({ label, value: v }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
    .slice(0, 8);
}

export function CommunityPage() {
  const [result, setResult] = useState<ApiResult<StatsResponse> | null>(null);
  useEffect(() => {
    let live = true;
    void getJson<StatsResponse>('/v1/stats').then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Page
      title="What people are reporting"
      lead="Scam calls other people reported. No names, no contact details, no free text."
    >
      {result === null ? <p role="status">Loading…</p> : null}
      {result && !result.ok ? (
        <p class="panel" role="status">
          {result.offline ? result.message : `${result.problem.title}. ${result.problem.detail}`}
        </p>
      ) : null}
      {result && result.ok ? <CommunityStats stats={result.data} /> : null}
    </Page>
  );
}

function CommunityStats({ stats }: { stats: StatsResponse }) {
  const weeks = [...stats.weeks].reverse();
  const perWeek = weeks.map((w) => ({ label: w.week, value: w.reports }));
  const numbers = sumBy(
    stats.weeks.flatMap((w) => w.topNumbers),
    (r) => r.number,
    (r) => r.reports,
  );
  const tactics = sumBy(
    stats.weeks.flatMap((w) => w.topTactics),
    (r) => tacticTitle(r.id),
    (r) => r.reports,
  );
  const payments = sumBy(
    stats.weeks.flatMap((w) => w.topPaymentMethods),
    (r) => askWords(r.method),
    (r) => r.reports,
  );
  const brands = sumBy(
    stats.weeks.flatMap((w) => w.topBrands),
    (r) => r.brand,
    (r) => r.reports,
  );
  return (
    <>
      <p>
        {stats.totals.reports} reports about {stats.totals.numbers} numbers so far.
      </p>
      <LineChart id="chart-weeks" title="Reports per week" points={perWeek} />
      <BarChart id="chart-numbers" title="Most reported numbers" data={numbers} />
      <BarChart id="chart-tactics" title="Most reported tricks" data={tactics} />
      <BarChart id="chart-payments" title="How they asked to be paid" data={payments} />
      <BarChart id="chart-brands" title="Who they said they were" data={brands} />
      {stats.recent && stats.recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent reports</h2>
          <ul class="reports-list">
            {stats.recent.slice(0, 20).map((r) => (
              <li key={r.id}>
                <strong>{r.number}</strong> · {new Date(r.occurredAt).toLocaleDateString()}
                {r.claimedOrg ? <> · said they were {r.claimedOrg}</> : null}
                {r.tactics.length > 0 ? <> · {r.tactics.map(tacticTitle).join(', ')}</> : null}
                {r.askedFor.length > 0 ? <> · asked for {r.askedFor.map(askWords).join(', ')}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
