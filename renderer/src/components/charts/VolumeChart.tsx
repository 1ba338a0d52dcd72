import { area, line, scaleLinear, scaleUtc } from 'd3';
import { useState, type MouseEvent } from 'react';

export interface VolumeChartProps {
  points: { at: number; count: number }[];
  /** Normal range per period (median and band) from the baseline. */
  baseline: { median: number; low: number; high: number } | null;
  from: number;
  to: number;
  width?: number;
  height?: number;
  /** Drag across the chart to zoom the time window. */
  onZoom?(from: number, to: number): void;
}

/** Events per period on a UTC time axis, over the baseline's normal band; drag to zoom. */
export function VolumeChart({ points, baseline, from, to, width = 900, height = 160, onZoom }: VolumeChartProps) {
  const margin = { left: 44, right: 12, top: 8, bottom: 22 };
  const x = scaleUtc().domain([from, Math.max(to, from + 1)]).range([margin.left, width - margin.right]);
  const maxY = Math.max(1, ...points.map((p) => p.count), baseline?.high ?? 0);
  const y = scaleLinear().domain([0, maxY]).range([height - margin.bottom, margin.top]).nice();
  const path = line<{ at: number; count: number }>()
    .x((p) => x(p.at))
    .y((p) => y(p.count))(points);
  const band = baseline
    ? area<number>()
        .x((t) => x(t))
        .y0(y(baseline.low))
        .y1(y(baseline.high))([from, to])
    : null;
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const at = (e: MouseEvent<SVGSVGElement>) => e.clientX - e.currentTarget.getBoundingClientRect().left;
  const ticks = x.ticks(8);
  return (
    <svg
      className="chart"
      width={width}
      height={height}
      role="img"
      aria-label={`Event volume, ${points.length} periods${baseline ? `, baseline median ${Math.round(baseline.median)}` : ''}`}
      onMouseDown={(e) => setDrag({ start: at(e), end: at(e) })}
      onMouseMove={(e) => drag && setDrag({ ...drag, end: at(e) })}
      onMouseUp={() => {
        if (drag && Math.abs(drag.end - drag.start) > 6 && onZoom) {
          const [a, b] = [drag.start, drag.end].sort((p, q) => p - q) as [number, number];
          onZoom(x.invert(a).getTime(), x.invert(b).getTime());
        }
        setDrag(null);
      }}
    >
      {band ? <path className="band" d={band ?? undefined} /> : null}
      {baseline ? <line className="median" x1={margin.left} x2={width - margin.right} y1={y(baseline.median)} y2={y(baseline.median)} /> : null}
      <path className="series" d={path ?? undefined} />
      <g className="axis">
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} />
        {ticks.map((t) => (
          <text key={t.getTime()} x={x(t)} y={height - 6} textAnchor="middle">
            {t.toISOString().slice(5, 10)}
          </text>
        ))}
        {y.ticks(4).map((t) => (
          <text key={t} x={margin.left - 4} y={y(t) + 3} textAnchor="end">
            {t}
          </text>
        ))}
      </g>
      {drag ? <rect className="band" x={Math.min(drag.start, drag.end)} y={margin.top} width={Math.abs(drag.end - drag.start)} height={height - margin.top - margin.bottom} opacity={0.6} /> : null}
    </svg>
  );
}
