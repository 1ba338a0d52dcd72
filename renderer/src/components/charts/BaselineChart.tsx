import { scaleLinear } from 'd3';
import type { NumericComparison } from './explanation';

export interface BaselineChartProps {
  label: string;
  value: NumericComparison;
  width?: number;
}

/** Two bars on one scale: the baseline (with its normal range as a band) and what was observed. */
export function BaselineChart({ label, value, width = 360 }: BaselineChartProps) {
  const height = 56;
  const left = 70;
  const max = Math.max(value.observed, value.baselineHigh ?? 0, value.baseline, 1);
  const x = scaleLinear().domain([0, max]).range([left, width - 40]).nice();
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label={`${label}: baseline ${value.baseline}, observed ${value.observed}`}>
      <text x={4} y={20}>
        baseline
      </text>
      <rect className="bar-baseline" x={left} y={10} width={Math.max(1, x(value.baseline) - left)} height={14} />
      {value.baselineHigh !== null ? <line className="median" x1={x(value.baselineHigh)} x2={x(value.baselineHigh)} y1={6} y2={28} /> : null}
      <text x={x(value.baseline) + 4} y={21}>
        {formatNumber(value.baseline)}
        {value.baselineHigh !== null ? ` (up to ${formatNumber(value.baselineHigh)})` : ''}
      </text>
      <text x={4} y={44}>
        observed
      </text>
      <rect className="bar-observed" x={left} y={34} width={Math.max(1, x(value.observed) - left)} height={14} />
      <text x={Math.min(x(value.observed) + 4, width - 36)} y={45}>
        {formatNumber(value.observed)}
      </text>
    </svg>
  );
}

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10);
}
