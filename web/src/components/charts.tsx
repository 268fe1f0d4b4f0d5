/**
 * Charts drawn as inline SVG (no chart library, no CDN). Each chart is an image with a text
 * alternative, and the same numbers follow in a table for screen readers and for printing.
 */
export interface BarDatum {
  label: string;
  value: number;
}

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
  if (data.length === 0) return <p>No {unit} yet.</p>;
  const max = Math.max(...data.map((d) => d.value), 1);
  const rowHeight = 52;
  const width = 600;
  const height = data.length * rowHeight + 8;
  const summary = data.map((d) => `${d.label}: ${d.value}`).join('; ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width={width}
        height={height}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {data.map((d, i) => {
          const y = i * rowHeight;
          const barWidth = Math.max(2, Math.round(((width - 80) * d.value) / max));
          return (
            <g key={`${d.label}-${i}`}>
              <text x="0" y={y + 18}>
                {d.label}
              </text>
              <rect class="bar" x="0" y={y + 24} width={barWidth} height="20" rx="3" />
              <text x={barWidth + 8} y={y + 40}>
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable caption={title} rows={data.map((d) => [d.label, String(d.value)])} head={['', unit]} />
    </figure>
  );
}

export interface SeriesPoint {
  label: string;
  value: number;
}

export function LineChart({
  id,
  title,
  points,
  unit = 'reports',
}: {
  id: string;
  title: string;
  points: readonly SeriesPoint[];
  unit?: string;
}) {
  if (points.length === 0) return <p>No {unit} yet.</p>;
  const width = 600;
  const height = 260;
  const pad = { left: 48, right: 16, top: 16, bottom: 48 };
  const max = Math.max(...points.map((p) => p.value), 1);
  const stepX = points.length > 1 ? (width - pad.left - pad.right) / (points.length - 1) : 0;
  const x = (i: number): number =>
    pad.left + (points.length > 1 ? i * stepX : (width - pad.left - pad.right) / 2);
  const y = (v: number): number => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const summary = points.map((p) => `${p.label}: ${p.value}`).join('; ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width={width}
        height={height}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line
          class="axis"
          x1={pad.left}
          y1={height - pad.bottom}
          x2={width - pad.right}
          y2={height - pad.bottom}
        />
        <line class="axis" x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} />
        <text x="4" y={pad.top + 10}>
          {max}
        </text>
        <text x="4" y={height - pad.bottom}>
          0
        </text>
        <path class="line" d={path} />
        {points.map((p, i) => (
          <g key={`${p.label}-${i}`}>
            <circle class="bar" cx={x(i)} cy={y(p.value)} r="5" />
            {i % labelEvery === 0 ? (
              <text x={x(i)} y={height - pad.bottom + 22} text-anchor="middle">
                {p.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <DataTable caption={title} rows={points.map((p) => [p.label, String(p.value)])} head={['', unit]} />
    </figure>
  );
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details>
      <summary>Show the numbers</summary>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h || <span class="visually-hidden">Item</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
