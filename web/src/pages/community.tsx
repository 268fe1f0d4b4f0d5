import { useEffect, useState } from 'preact/hooks';
import type { Report, Stats, WeekStats } from '../../../src/store/types.js';
import { resolveOrg } from '../../../src/knowledge/index.js';
import { BarChart, TrendChart, type BarDatum, type Series } from '../components/charts.js';
import { Page } from '../components/page.js';
import { getJson, type ApiResult } from '../lib/api.js';
import { askWords, tacticTitle } from '../lib/labels.js';

/** GET /v1/stats; `recent` is shown when a server includes recent reports. */
type StatsResponse = Stats & { recent?: Report[] };

const WEEKS = 12;

function brandName(brand: string): string {
  return resolveOrg(brand)?.name ?? brand;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Totals over all weeks, biggest first. */
function totals<T>(
  rows: readonly T[],
  key: (r: T) => string,
  value: (r: T) => number,
  limit = 8,
): BarDatum[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return [...sums.entries()]
    .map(([label, v]) => ({ label, value: v }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
    .slice(0, limit);
}

/** The top few items as lines over the weeks (oldest first). */
function trend<T>(
  weeks: readonly WeekStats[],
  pick: (w: WeekStats) => readonly T[],
  key: (r: T) => string,
  value: (r: T) => number,
): Series[] {
  const top = totals(weeks.flatMap(pick), key, value, 3).map((d) => d.label);
  return top.map((label) => ({
    label,
    values: weeks.map((w) => pick(w).reduce((sum, r) => sum + (key(r) === label ? value(r) : 0), 0)),
  }));
}

export function CommunityPage() {
  const [result, setResult] = useState<ApiResult<StatsResponse> | null>(null);
  useEffect(() => {
    let live = true;
    void getJson<StatsResponse>(`/v1/stats?weeks=${WEEKS}`).then((r) => {
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
  const periods = weeks.map((w) => w.week);
  const tacticKey = (r: { id: string }): string => tacticTitle(r.id);
  const methodKey = (r: { method: string }): string => askWords(r.method);
  return (
    <>
      <p>
        {plural(stats.totals.reports, 'report', 'reports')} about{' '}
        {plural(stats.totals.numbers, 'number', 'numbers')} so far
        {stats.totals.feedReports > 0
          ? `, plus ${plural(stats.totals.feedReports, 'public complaint', 'public complaints')}`
          : ''}
        .
      </p>
      <TrendChart
        id="chart-weeks"
        title="Reports per week"
        periods={periods}
        series={[{ label: 'Reports', values: weeks.map((w) => w.reports) }]}
      />

      <h2>Numbers</h2>
      <BarChart
        id="chart-numbers"
        title="Most reported numbers"
        data={totals(
          stats.weeks.flatMap((w) => w.topNumbers),
          (r) => r.number,
          (r) => r.reports,
        )}
      />
      <TrendChart
        id="chart-numbers-trend"
        title="Top numbers, week by week"
        periods={periods}
        series={trend(
          weeks,
          (w) => w.topNumbers,
          (r) => r.number,
          (r) => r.reports,
        )}
      />

      <h2>Tricks they use</h2>
      <BarChart
        id="chart-tactics"
        title="Most reported tricks"
        data={totals(
          stats.weeks.flatMap((w) => w.topTactics),
          tacticKey,
          (r) => r.reports,
        )}
      />
      <TrendChart
        id="chart-tactics-trend"
        title="Top tricks, week by week"
        periods={periods}
        series={trend(
          weeks,
          (w) => w.topTactics,
          tacticKey,
          (r) => r.reports,
        )}
      />

      <h2>How they asked to be paid</h2>
      <BarChart
        id="chart-payments"
        title="Payment methods they asked for"
        data={totals(
          stats.weeks.flatMap((w) => w.topPaymentMethods),
          methodKey,
          (r) => r.reports,
        )}
      />
      <TrendChart
        id="chart-payments-trend"
        title="Payment methods, week by week"
        periods={periods}
        series={trend(
          weeks,
          (w) => w.topPaymentMethods,
          methodKey,
          (r) => r.reports,
        )}
      />

      <h2>Who they said they were</h2>
      <BarChart
        id="chart-brands"
        title="Companies and agencies named"
        data={totals(
          stats.weeks.flatMap((w) => w.topBrands),
          (r) => brandName(r.brand),
          (r) => r.reports,
        )}
      />

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
