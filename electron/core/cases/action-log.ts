import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { DuckDBConnection } from '@duckdb/node-api';

/** prev_hash of the first row: there is no previous row. */
export const GENESIS = '0'.repeat(64);

export interface LogRow {
  seq: number;
  /** Microseconds since the epoch, as text: exact, and independent of the session time zone. */
  actedAtUs: string;
  actor: string;
  action: string;
  detail: string | null;
  prevHash: string | null;
  rowHash: string | null;
}

export interface LogEntry {
  seq: number;
  actedAt: string;
  actor: string;
  action: string;
  detail: unknown;
  rowHash: string | null;
}

export type ChainVerdict =
  | { ok: true; rows: number; sealed: number; head: string }
  | { ok: false; rows: number; sealed: number; brokenAt: number; reason: string };

/** The bytes a row's hash covers: the previous row's hash and the row's own content. */
export function rowDigest(prevHash: string, row: Pick<LogRow, 'seq' | 'actedAtUs' | 'actor' | 'action' | 'detail'>): string {
  const content = JSON.stringify([row.seq, row.actedAtUs, row.actor, row.action, row.detail]);
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

/**
 * Recompute the chain (pure). Rows must be in seq order. Unsealed rows (no hash yet) are
 * allowed only after the last sealed row: an unsealed row in the middle means a row was
 * inserted or its hash removed after later rows were sealed.
 */
export function verifyChain(rows: LogRow[]): ChainVerdict {
  let prev = GENESIS;
  let sealed = 0;
  let tail = false;
  for (const row of rows) {
    if (row.rowHash === null) {
      tail = true;
      continue;
    }
    const fail = (reason: string): ChainVerdict => ({ ok: false, rows: rows.length, sealed, brokenAt: row.seq, reason });
    if (tail) return fail('a sealed row follows an unsealed one (row inserted or hash removed)');
    if (row.prevHash !== prev) return fail('previous-row hash does not match (a row before it was removed, inserted or edited)');
    if (rowDigest(prev, row) !== row.rowHash) return fail('row content does not match its hash (edited)');
    prev = row.rowHash;
    sealed++;
  }
  return { ok: true, rows: rows.length, sealed, head: prev };
}

export async function readLog(conn: DuckDBConnection): Promise<LogRow[]> {
  const reader = await conn.runAndReadAll(
    `SELECT seq::VARCHAR AS seq, epoch_us(acted_at)::VARCHAR AS us, actor, action, CAST(detail AS VARCHAR) AS detail, prev_hash, row_hash
     FROM action_log ORDER BY seq`,
  );
  return reader.getRowObjectsJS().map((r) => ({
    seq: Number(r.seq),
    actedAtUs: String(r.us),
    actor: String(r.actor),
    action: String(r.action),
    detail: r.detail === null ? null : String(r.detail),
    prevHash: r.prev_hash === null ? null : String(r.prev_hash),
    rowHash: r.row_hash === null ? null : String(r.row_hash),
  }));
}

export async function verifyLog(conn: DuckDBConnection): Promise<ChainVerdict> {
  return verifyChain(await readLog(conn));
}

// One writer per connection at a time, so two appends never read the same chain head.
const queues = new WeakMap<DuckDBConnection, Promise<unknown>>();
function serialised<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(conn) ?? Promise.resolve()).then(work, work);
  queues.set(conn, run.catch(() => undefined));
  return run;
}

/** Hash every row written without a hash (in seq order), continuing from the last sealed row. */
export function sealLog(conn: DuckDBConnection): Promise<number> {
  return serialised(conn, () => sealPending(conn));
}

async function sealPending(conn: DuckDBConnection): Promise<number> {
  const rows = await readLog(conn);
  let prev = GENESIS;
  let count = 0;
  for (const row of rows) {
    if (row.rowHash !== null) {
      prev = row.rowHash;
      continue;
    }
    const hash = rowDigest(prev, row);
    await conn.run(`UPDATE action_log SET prev_hash = $prev, row_hash = $hash WHERE seq = $seq AND row_hash IS NULL`, {
      prev,
      hash,
      seq: row.seq,
    });
    prev = hash;
    count++;
  }
  return count;
}

/** Who is acting: the OS account running Tokenscope (the desktop app has no other identity). */
export function currentActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Append one row and seal it (and any rows other writers left unhashed). The row is inserted
 * first and hashed from what the database stores, so the hash covers exactly what verify reads.
 */
export function appendAction(conn: DuckDBConnection, action: string, detail: unknown, actor = currentActor()): Promise<number> {
  return serialised(conn, async () => {
    const inserted = await conn.runAndReadAll(
      `INSERT INTO action_log (seq, acted_at, actor, action, detail)
       SELECT coalesce(max(seq), 0) + 1, now(), $actor, $action, $detail::JSON FROM action_log
       RETURNING seq::VARCHAR AS seq`,
      { actor, action, detail: detail === undefined ? null : JSON.stringify(detail) },
    );
    await sealPending(conn);
    return Number(inserted.getRowObjectsJS()[0]!.seq);
  });
}

export async function listLog(conn: DuckDBConnection, limit: number, offset: number): Promise<{ total: number; entries: LogEntry[] }> {
  const total = Number((await conn.runAndReadAll(`SELECT count(*)::VARCHAR AS n FROM action_log`)).getRowObjectsJS()[0]!.n);
  const rows = await readLog(conn);
  const entries = rows
    .slice()
    .reverse()
    .slice(offset, offset + limit)
    .map((r) => ({
      seq: r.seq,
      actedAt: new Date(Number(BigInt(r.actedAtUs) / 1000n)).toISOString(),
      actor: r.actor,
      action: r.action,
      detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
      rowHash: r.rowHash,
    }));
  return { total, entries };
}
