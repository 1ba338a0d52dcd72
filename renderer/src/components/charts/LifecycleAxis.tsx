import { scaleUtc } from 'd3';

export interface LifecycleAxisMark {
  at: number;
  kind: string;
  label: string;
}

export interface LifecycleAxisProps {
  marks: LifecycleAxisMark[];
  from: number;
  to: number;
  width?: number;
}

const glyph: Record<string, string> = {
  created: '●',
  consented: '◆',
  scope_change: '▲',
  activity_start: '▸',
  activity_end: '◂',
  reviewed: '✓',
  expires: '□',
  revoked: '✕',
};

/** One credential's life on one UTC axis: issue or consent, scope changes, activity, review, expiry, revocation. */
export function LifecycleAxis({ marks, from, to, width = 900 }: LifecycleAxisProps) {
  const height = 64;
  const margin = 16;
  const x = scaleUtc().domain([from, Math.max(to, from + 1)]).range([margin, width - margin]);
  const visible = marks.filter((m) => m.at >= from && m.at <= to);
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label={`Lifecycle: ${visible.length} marks in the window`}>
      <line className="mark" x1={margin} x2={width - margin} y1={32} y2={32} />
      {x.ticks(8).map((t) => (
        <text key={t.getTime()} x={x(t)} y={58} textAnchor="middle">
          {t.toISOString().slice(0, 10)}
        </text>
      ))}
      {visible.map((m, i) => (
        <text key={i} x={x(m.at)} y={36 - (i % 2) * 14} textAnchor="middle" className={`mark-${m.kind}`}>
          {glyph[m.kind] ?? '•'}
          <title>{`${new Date(m.at).toISOString().replace('T', ' ').slice(0, 19)} UTC — ${m.label}`}</title>
        </text>
      ))}
    </svg>
  );
}

export const lifecycleGlyphs = glyph;
