import { describe, expect, it } from 'vitest';
import { asList, explanationFeatures, numericComparison } from './explanation';

describe('finding explanations', () => {
  it('reads features and compares numeric baselines (plain or robust statistics) with the observation', () => {
    const features = explanationFeatures({
      features: [
        { feature: 'calls_per_day', baseline: { median: 10, mad: 2, max: 15 }, observed: 400, unusual: '40x median' },
        { feature: 'hour', baseline: 3, observed: '9', unusual: 'off hours' },
        { feature: 'country', baseline: ['US'], observed: ['RU'], unusual: 'new' },
      ],
    });
    expect(features.map(numericComparison)).toEqual([
      { baseline: 10, baselineHigh: 15, observed: 400 },
      { baseline: 3, baselineHigh: null, observed: 9 },
      null,
    ]);
    expect(asList(features[2]?.observed)).toEqual(['RU']);
  });

  it('ignores anything not shaped like an explanation', () => {
    expect(explanationFeatures({ features: 'x' })).toEqual([]);
    expect(explanationFeatures({ features: [null, 3] })).toEqual([]);
  });
});
