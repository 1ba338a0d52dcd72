import { area, scaleLinear, scaleUtc } from 'd3';
import { useState, type MouseEvent } from 'react';

export interface VolumeChartProps {
  points: { at: number; count: number }[];
  /** Bucket size of each point; bars span it, so periods with no events stay visibly empty. */
  grain: 'hour' | 'day';
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
export function VolumeChart({ points, grain, baseline, from, to, width = 900, height = 160, onZoom }: VolumeChartProps) {
  const margin = { left: 44, right: 12, top: 8, bottom: 22 };
  const x = scaleUtc().domain([from, Math.max(to, from + 1)]).range([margin.left, width - margin.right]);
  const maxY = Math.max(1, ...points.map((p) => p.count), baseline?.high ?? 0);
  const y = scaleLinear().domain([0, maxY]).range([height - margin.bottom, margin.top]).nice();
  const bucket = grain === 'hour' ? 3_600_000 : 86_400_000;
  const tickText = (t: Date) => (to - from <= 2 * 86_400_000 ? t.toISOString().slice(11, 16) : t.toISOString().slice(5, 10));
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
      {points.map((p) => (
        <rect key={p.at} className="bar" x={x(p.at)} y={y(p.count)} width={Math.max(1, x(p.at + bucket) - x(p.at) - 1)} height={Math.max(0, y(0) - y(p.count))}>
          <title>{`${new Date(p.at).toISOString().slice(0, 16).replace('T', ' ')} UTC — ${p.count} events`}</title>
        </rect>
      ))}
      {baseline ? <line className="median" x1={margin.left} x2={width - margin.right} y1={y(baseline.median)} y2={y(baseline.median)} /> : null}
      <g className="axis">
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} />
        {ticks.map((t) => (
          <text key={t.getTime()} x={x(t)} y={height - 6} textAnchor="middle">
            {tickText(t)}
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
