/**
 * Charts drawn as inline SVG (no chart library, no CDN). Labels and values are HTML text, so they
 * stay readable at 360 px and 200% zoom; the SVG only draws. Every chart has its numbers in text.
 */
export interface BarDatum {
  label: string;
  value: number;
}

/** Horizontal bars: one labelled row per item, the bar drawn in SVG and hidden from screen readers. */
export function BarChart({
  id,
  title,
  data,
  unit = 'reports',
}: {
  id: string;
  title: string;
  data: readonly BarDatum[];
  unit?: string;
}) {
  const max = Math.max(...data.map((d) => d.value), 1);
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-title">
        {title}
      </figcaption>
      {data.length === 0 ? (
        <p>No {unit} yet.</p>
      ) : (
        <ul class="bar-rows">
          {data.map((d, i) => (
            <li key={`${d.label}-${i}`} class="bar-row">
              <span class="bar-label">
                {d.label}: <strong>{d.value}</strong>
                <span class="visually-hidden"> {unit}</span>
              </span>
              <svg
                class="bar-svg"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect class="bar" x="0" y="0" height="10" width={Math.max(1, (100 * d.value) / max)} />
              </svg>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

export interface Series {
  label: string;
  /** One value per period, in the order of `periods`. */
  values: readonly number[];
}

const DASHES = ['', '10 6', '3 5', '14 4 3 4'];
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

function Marker({ kind, x, y }: { kind: (typeof MARKERS)[number]; x: number; y: number }) {
  if (kind === 'circle') return <circle class="marker" cx={x} cy={y} r="5" />;
  if (kind === 'square') return <rect class="marker" x={x - 4.5} y={y - 4.5} width="9" height="9" />;
  if (kind === 'diamond')
    return <path class="marker" d={`M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} Z`} />;
  return <path class="marker" d={`M${x},${y - 6} L${x + 6},${y + 5} L${x - 6},${y + 5} Z`} />;
}

/**
 * Lines over time. Series differ by dash pattern and marker shape, never by colour alone; the
 * legend is HTML and the numbers are in a table under the chart.
 */
export function TrendChart({
  id,
  title,
  periods,
  series,
  unit = 'reports',
}: {
  id: string;
  title: string;
  periods: readonly string[];
  series: readonly Series[];
  unit?: string;
}) {
  const width = 420;
  const height = 220;
  const pad = { left: 36, right: 14, top: 14, bottom: 34 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const n = periods.length;
  const x = (i: number): number =>
    pad.left + (n > 1 ? (i * (width - pad.left - pad.right)) / (n - 1) : (width - pad.left - pad.right) / 2);
  const y = (v: number): number => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const every = Math.max(1, Math.ceil(n / 4));
  const summary = series.map((s) => `${s.label}: ${s.values.join(', ')}`).join('. ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart-title">
        {title}
      </figcaption>
      {n === 0 || series.length === 0 ? (
        <p>No {unit} yet.</p>
      ) : (
        <>
          <svg
            class="trend-svg"
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
          >
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{`Weeks ${periods.join(', ')}. ${summary}.`}</desc>
            <line
              class="axis"
              x1={pad.left}
              y1={height - pad.bottom}
              x2={width - pad.right}
              y2={height - pad.bottom}
            />
            <line class="axis" x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} />
            <text class="tick" x={pad.left - 6} y={pad.top + 5} text-anchor="end">
              {max}
            </text>
            <text class="tick" x={pad.left - 6} y={height - pad.bottom} text-anchor="end">
              0
            </text>
            {periods.map((p, i) =>
              i % every === 0 || i === n - 1 ? (
                <text
                  key={p}
                  class="tick"
                  x={x(i)}
                  y={height - 10}
                  text-anchor={n > 1 && i === n - 1 ? 'end' : 'middle'}
                >
                  {p.replace(/^\d{4}-/, '')}
                </text>
              ) : null,
            )}
            {series.map((s, si) => (
              <g key={s.label}>
                <path
                  class="line"
                  stroke-dasharray={DASHES[si % DASHES.length] || undefined}
                  d={s.values
                    .map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
                    .join(' ')}
                />
                {s.values.map((v, i) => (
                  <Marker key={i} kind={MARKERS[si % MARKERS.length]!} x={x(i)} y={y(v)} />
                ))}
              </g>
            ))}
          </svg>
          {series.length > 1 ? (
            <ul class="legend">
              {series.map((s, si) => (
                <li key={s.label}>
                  <svg viewBox="0 0 40 12" width="40" height="12" aria-hidden="true" focusable="false">
                    <line
                      class="line"
                      x1="0"
                      y1="6"
                      x2="40"
                      y2="6"
                      stroke-dasharray={DASHES[si % DASHES.length] || undefined}
                    />
                    <Marker kind={MARKERS[si % MARKERS.length]!} x={20} y={6} />
                  </svg>{' '}
                  {s.label}
                </li>
              ))}
            </ul>
          ) : null}
          <details>
            <summary>Show the numbers</summary>
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Week</th>
                    {series.map((s) => (
                      <th key={s.label} scope="col">
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {periods.map((p, i) => (
                    <tr key={p}>
                      <th scope="row">{p}</th>
                      {series.map((s) => (
                        <td key={s.label}>{s.values[i] ?? 0}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
