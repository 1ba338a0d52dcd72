/**
 * Baseline parameters (stored per case in rule_parameters under rule_id 'baseline'). The minimum
 * history rules keep young credentials from being judged against a profile they do not have yet.
 */
export const BASELINE_RULE_ID = 'baseline';

export const baselineDefaults = {
  /** Distinct active days in training before novelty rules (new network, new UA…) may fire. */
  min_history_days: 5,
  /** Training events before novelty rules may fire. */
  min_history_events: 20,
  /** Days of training (the most recent) the per-hour volume statistics learn from. */
  hour_grain_days: 14,
  /** Events closer than this (seconds) are one run of a machine job. */
  burst_gap_seconds: 120,
  /** Intervals between runs needed before a rhythm is believed. */
  machine_min_intervals: 12,
  /** Jitter (MAD of the gaps) at most this share of the period to count as machine-paced. */
  machine_max_jitter_ratio: 0.1,
} as const;

export type BaselineParameters = { -readonly [K in keyof typeof baselineDefaults]: number };
