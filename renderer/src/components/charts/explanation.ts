/** One feature of a finding's explanation, as the detection rules write it (baseline vs observed). */
export interface ExplanationFeature {
  feature: string;
  baseline: unknown;
  observed: unknown;
  unusual: string;
}

export interface NumericComparison {
  baseline: number;
  /** Upper end of the normal range (max or median + spread), when the rule gave one. */
  baselineHigh: number | null;
  observed: number;
}

/** Features from an explanation object; anything not shaped like one is ignored, never trusted. */
export function explanationFeatures(explanation: Record<string, unknown>): ExplanationFeature[] {
  const list = explanation.features;
  if (!Array.isArray(list)) return [];
  return list
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
    .map((f) => ({ feature: String(f.feature ?? 'feature'), baseline: f.baseline ?? null, observed: f.observed ?? null, unusual: String(f.unusual ?? '') }));
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** A numeric baseline (a number, or {median, mad?, max?}) against a numeric observation, for the bar chart. */
export function numericComparison(f: ExplanationFeature): NumericComparison | null {
  const observed = num(f.observed);
  if (observed === null) return null;
  const plain = num(f.baseline);
  if (plain !== null) return { baseline: plain, baselineHigh: null, observed };
  if (typeof f.baseline === 'object' && f.baseline !== null && !Array.isArray(f.baseline)) {
    const b = f.baseline as Record<string, unknown>;
    const median = num(b.median) ?? num(b.mean) ?? num(b.value);
    if (median === null) return null;
    const mad = num(b.mad);
    const high = num(b.max) ?? num(b.p95) ?? (mad !== null ? median + 3 * mad : null);
    return { baseline: median, baselineHigh: high, observed };
  }
  return null;
}

/** Set-valued features (countries, ASNs, user agents): the values as strings. */
export function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (v === null || v === undefined) return [];
  return [typeof v === 'string' ? v : JSON.stringify(v)];
}
