import type { DuckDBConnection } from '@duckdb/node-api';
import { ContractError } from '../../../shared/contract';
import { appendAction, currentActor } from './action-log';

export const triageStates = ['open', 'confirmed', 'false_positive', 'accepted_risk'] as const;
export type TriageState = (typeof triageStates)[number];
export const targetTypes = ['finding', 'credential', 'event', 'app', 'principal'] as const;
export type TargetType = (typeof targetTypes)[number];

export interface Target {
  type: TargetType;
  key: string;
}

export interface TriageRecord {
  findingId: string;
  state: TriageState;
  /** The state that applies now: an accepted risk past its expiry is open again. */
  effectiveState: TriageState;
  expiresAt: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface Note {
  id: number;
  target: Target;
  body: string;
  author: string;
  createdAt: string;
}

export interface Link {
  from: Target;
  to: Target;
  relation: string;
  createdAt: string;
}

/** Which table and key column hold each target type (identifiers only; never built from data). */
const targetTables: Record<TargetType, { table: string; key: string }> = {
  finding: { table: 'findings', key: 'finding_id' },
  credential: { table: 'credentials', key: 'credential_key' },
  event: { table: 'events', key: 'CAST(event_id AS VARCHAR)' },
  app: { table: 'apps', key: 'app_key' },
  principal: { table: 'principals', key: 'principal_key' },
};

async function requireTarget(conn: DuckDBConnection, target: Target): Promise<void> {
  const { table, key } = targetTables[target.type];
  const rows = (await conn.runAndReadAll(`SELECT 1 FROM ${table} WHERE ${key} = $k LIMIT 1`, { k: target.key })).getRowObjectsJS();
  if (rows.length === 0) throw new ContractError('NOT_FOUND', `No ${target.type} ${target.key} in the open case`);
}

/** An instant the user gave, as UTC ISO-8601, or a BAD_REQUEST naming the field. */
export function parseInstant(value: string, field: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new ContractError('BAD_REQUEST', `${field}: "${value}" is not a date-time`);
  return new Date(ms).toISOString();
}

export async function setTriage(
  conn: DuckDBConnection,
  input: { findingId: string; state: TriageState; expiresAt?: string | null; note?: string },
  now = new Date(),
): Promise<TriageRecord> {
  await requireTarget(conn, { type: 'finding', key: input.findingId });
  let expiresAt: string | null = null;
  if (input.state === 'accepted_risk') {
    if (!input.expiresAt) throw new ContractError('BAD_REQUEST', 'An accepted risk needs an expiry (expiresAt).');
    expiresAt = parseInstant(input.expiresAt, 'expiresAt');
    if (Date.parse(expiresAt) <= now.getTime()) throw new ContractError('BAD_REQUEST', `expiresAt ${expiresAt} is not in the future`);
  } else if (input.expiresAt) {
    throw new ContractError('BAD_REQUEST', 'Only an accepted risk takes an expiry.');
  }
  const actor = currentActor();
  await conn.run(
    `INSERT OR REPLACE INTO triage (finding_id, state, expires_at, updated_at, updated_by)
     VALUES ($id, $state, $expires::TIMESTAMPTZ, $now::TIMESTAMPTZ, $actor)`,
    { id: input.findingId, state: input.state, expires: expiresAt, now: now.toISOString(), actor },
  );
  await appendAction(conn, 'triage.set', { findingId: input.findingId, state: input.state, expiresAt });
  if (input.note) await addNote(conn, { type: 'finding', key: input.findingId }, input.note, now);
  return (await listTriage(conn, now)).find((t) => t.findingId === input.findingId)!;
}

export async function listTriage(conn: DuckDBConnection, now = new Date()): Promise<TriageRecord[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT finding_id, state, epoch_ms(expires_at) AS expires_ms, epoch_ms(updated_at) AS updated_ms, updated_by
       FROM triage ORDER BY finding_id`,
    )
  ).getRowObjectsJS();
  return rows.map((r) => {
    const state = String(r.state) as TriageState;
    const expiresAt = r.expires_ms === null ? null : new Date(Number(r.expires_ms)).toISOString();
    const expired = state === 'accepted_risk' && expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
    return {
      findingId: String(r.finding_id),
      state,
      effectiveState: expired ? 'open' : state,
      expiresAt,
      updatedAt: new Date(Number(r.updated_ms)).toISOString(),
      updatedBy: String(r.updated_by),
    };
  });
}

export async function addNote(conn: DuckDBConnection, target: Target, body: string, now = new Date()): Promise<Note> {
  await requireTarget(conn, target);
  const author = currentActor();
  const row = (
    await conn.runAndReadAll(
      `INSERT INTO case_notes (target_type, target_key, body, author, created_at) VALUES ($type, $key, $body, $author, $now::TIMESTAMPTZ)
       RETURNING note_id`,
      { type: target.type, key: target.key, body, author, now: now.toISOString() },
    )
  ).getRowObjectsJS()[0]!;
  const id = Number(row.note_id);
  await appendAction(conn, 'note.add', { noteId: id, target, body });
  return { id, target, body, author, createdAt: now.toISOString() };
}

export async function setTag(conn: DuckDBConnection, target: Target, tag: string, present: boolean, now = new Date()): Promise<void> {
  if (present) {
    await requireTarget(conn, target);
    await conn.run(
      `INSERT OR IGNORE INTO case_tags (target_type, target_key, tag, created_at) VALUES ($type, $key, $tag, $now::TIMESTAMPTZ)`,
      { type: target.type, key: target.key, tag, now: now.toISOString() },
    );
  } else {
    await conn.run(`DELETE FROM case_tags WHERE target_type = $type AND target_key = $key AND tag = $tag`, { type: target.type, key: target.key, tag });
  }
  await appendAction(conn, present ? 'tag.add' : 'tag.remove', { target, tag });
}

export async function addLink(conn: DuckDBConnection, from: Target, to: Target, relation: string, now = new Date()): Promise<Link> {
  if (from.type === to.type && from.key === to.key) throw new ContractError('BAD_REQUEST', 'A link needs two different objects.');
  await requireTarget(conn, from);
  await requireTarget(conn, to);
  await conn.run(
    `INSERT OR IGNORE INTO case_links (from_type, from_key, to_type, to_key, relation, created_at)
     VALUES ($ft, $fk, $tt, $tk, $rel, $now::TIMESTAMPTZ)`,
    { ft: from.type, fk: from.key, tt: to.type, tk: to.key, rel: relation, now: now.toISOString() },
  );
  await appendAction(conn, 'link.add', { from, to, relation });
  return { from, to, relation, createdAt: now.toISOString() };
}

/** Notes, tags and links on one object (links in either direction). */
export async function annotations(conn: DuckDBConnection, target: Target): Promise<{ notes: Note[]; tags: string[]; links: Link[] }> {
  const p = { type: target.type, key: target.key };
  const notes = (
    await conn.runAndReadAll(
      `SELECT note_id, body, author, epoch_ms(created_at) AS ms FROM case_notes WHERE target_type = $type AND target_key = $key ORDER BY note_id`,
      p,
    )
  )
    .getRowObjectsJS()
    .map((r) => ({ id: Number(r.note_id), target, body: String(r.body), author: String(r.author), createdAt: new Date(Number(r.ms)).toISOString() }));
  const tags = (
    await conn.runAndReadAll(`SELECT tag FROM case_tags WHERE target_type = $type AND target_key = $key ORDER BY tag`, p)
  )
    .getRowObjectsJS()
    .map((r) => String(r.tag));
  const links = (
    await conn.runAndReadAll(
      `SELECT from_type, from_key, to_type, to_key, relation, epoch_ms(created_at) AS ms FROM case_links
       WHERE (from_type = $type AND from_key = $key) OR (to_type = $type AND to_key = $key)
       ORDER BY ALL`,
      p,
    )
  )
    .getRowObjectsJS()
    .map((r) => ({
      from: { type: String(r.from_type) as TargetType, key: String(r.from_key) },
      to: { type: String(r.to_type) as TargetType, key: String(r.to_key) },
      relation: String(r.relation),
      createdAt: new Date(Number(r.ms)).toISOString(),
    }));
  return { notes, tags, links };
}
