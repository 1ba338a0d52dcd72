import { DAY, HOUR, MINUTE } from './format';
import type { Rng } from './prng';
import { days, localClock, utcOffset, WINDOW_FROM, WINDOW_TO, type Zone } from './world';

export interface HumanRhythm {
  readonly zone: Zone;
  /** Mean active sessions per working day. */
  readonly sessionsPerDay: number;
  /** Events per session (mean). */
  readonly eventsPerSession: number;
  /** Share of a working day's activity seen on a weekend day. */
  readonly weekendFactor?: number;
  /** Local working hours [start, end). */
  readonly hours?: readonly [number, number];
}

/** Instants of one person's activity: office hours in their own time zone, quieter weekends, lunch dip. */
export function humanTimes(rng: Rng, r: HumanRhythm, from = WINDOW_FROM, to = WINDOW_TO): number[] {
  const [h0, h1] = r.hours ?? [8, 18];
  const out: number[] = [];
  for (const day of days(from - DAY, to + DAY)) {
    // Local midnight of this calendar day in the person's zone.
    const localMidnight = day - utcOffset(r.zone, day + 12 * HOUR) * HOUR;
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const sessions = rng.count(r.sessionsPerDay * (weekend ? (r.weekendFactor ?? 0.08) : 1));
    for (let s = 0; s < sessions; s++) {
      let hour = h0 + rng.float() * (h1 - h0);
      if (hour > 12 && hour < 13 && rng.chance(0.6)) hour += 1; // lunch
      if (rng.chance(0.05)) hour = 19 + rng.float() * 3; // the occasional evening check
      const start = localMidnight + hour * HOUR;
      const n = Math.max(1, rng.count(r.eventsPerSession));
      let t = start;
      for (let i = 0; i < n; i++) {
        t += rng.int(5, 240) * 1000;
        if (t >= from && t < to) out.push(t);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

export interface Cadence {
  /** First run (UTC ms) — runs repeat every period from here. */
  readonly anchor: number;
  readonly period: number;
  /** Start jitter, ms (schedulers are not exact). */
  readonly jitter: number;
  /** Probability a run is skipped (maintenance, no work). */
  readonly skip?: number;
  /** Only run on these UTC weekdays (0 = Sunday). */
  readonly weekdays?: readonly number[];
}

/** Run start instants of a machine credential on a fixed cadence inside [from, to). */
export function cadenceTimes(rng: Rng, c: Cadence, from = WINDOW_FROM, to = WINDOW_TO): number[] {
  const out: number[] = [];
  const first = c.anchor + Math.ceil((from - c.anchor) / c.period) * c.period;
  for (let t = first; t < to; t += c.period) {
    if (c.weekdays && !c.weekdays.includes(new Date(t).getUTCDay())) continue;
    if (c.skip && rng.chance(c.skip)) continue;
    const at = t + Math.floor(rng.float() * c.jitter);
    if (at >= from && at < to) out.push(at);
  }
  return out;
}

/** Spread n instants after start, a few seconds apart (one run of a job). */
export function burst(rng: Rng, start: number, n: number, gapMs: readonly [number, number] = [200, 4000]): number[] {
  const out: number[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    out.push(t);
    t += rng.int(gapMs[0], gapMs[1]);
  }
  return out;
}

export const isWorkHour = (zone: Zone, t: number): boolean => {
  const c = localClock(zone, t);
  return c.weekday > 0 && c.weekday < 6 && c.hour >= 8 && c.hour < 18;
};

export { DAY, HOUR, MINUTE };
