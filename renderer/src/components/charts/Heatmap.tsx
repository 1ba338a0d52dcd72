import { scaleSequential, interpolateBlues } from 'd3';

export interface HeatmapProps {
  cells: { dow: number; hour: number; count: number }[];
}

const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Hour-of-day (UTC) by day-of-week activity: when a credential works, and when it should not. */
export function Heatmap({ cells }: HeatmapProps) {
  const size = 16;
  const left = 34;
  const top = 14;
  const max = Math.max(1, ...cells.map((c) => c.count));
  const colour = scaleSequential(interpolateBlues).domain([0, max]);
  const byKey = new Map(cells.map((c) => [`${c.dow}:${c.hour}`, c.count]));
  return (
    <svg className="chart" width={left + 24 * size + 8} height={top + 7 * size + 8} role="img" aria-label="Activity by day of week and UTC hour">
      {Array.from({ length: 24 }, (_, h) =>
        h % 3 === 0 ? (
          <text key={`h${h}`} x={left + h * size + size / 2} y={10} textAnchor="middle">
            {h}
          </text>
        ) : null,
      )}
      {days.map((d, dow) => (
        <g key={d}>
          <text x={2} y={top + dow * size + 12}>
            {d}
          </text>
          {Array.from({ length: 24 }, (_, hour) => {
            const count = byKey.get(`${dow}:${hour}`) ?? 0;
            return (
              <rect key={hour} x={left + hour * size} y={top + dow * size} width={size - 1} height={size - 1} style={{ fill: count ? colour(count) : 'var(--surface-2)' }}>
                <title>{`${d} ${hour}:00 UTC — ${count} events`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
