/**
 * A bulk plan: how one parser's records become events in SQL, so DuckDB parses the JSON and Node
 * never builds a JavaScript object per record (FORMATS.md sources with millions of events).
 *
 * DuckDB reads each record with from_json(raw, structure) and computes the intermediate columns
 * below from the parsed struct `d`. Everything that needs the JavaScript mapper's own rules —
 * timestamps beyond plain ISO-8601 UTC, action families, outcomes, IP normalisation and
 * enrichment, identifier normalisation, scope lists — is computed once per DISTINCT value by the
 * same functions the per-record path uses, and joined back. Records the plan does not claim
 * (`eligible` false, or JSON DuckDB cannot read) go through the per-record path, so every record
 * is still loaded or rejected with the same reasons as before.
 */
export interface BulkPlan {
  /** from_json structure of the fields the plan reads; leaves are VARCHAR (numbers are cast in SQL). */
  structure: Record<string, unknown>;
  /** SQL predicate over `d`: false sends the record to the per-record path. */
  eligible: string;
  /** SQL over `d` for every intermediate column (see BulkColumn); numeric columns use number(), which never fails. */
  columns: Record<BulkColumn, string>;
  /** Action family from the action key columns: the per-record mapper's own rule. */
  action(key: (string | null)[]): { action: string; category: string };
  /** Outcome from the outcome key columns: the per-record mapper's own rule. */
  outcome(key: (string | null)[]): 'success' | 'failure' | 'unknown';
  /** SQL over `d` for the inputs of action() and outcome(). */
  actionKey: string[];
  outcomeKey: string[];
}

/** Intermediate columns, one event per claimed record. NULL means absent (as the mapper's null). */
export const bulkColumns = {
  time_text: 'VARCHAR',
  action_raw: 'VARCHAR',
  failure_reason: 'VARCHAR',
  actor_id: 'VARCHAR',
  actor_name: 'VARCHAR',
  actor_email: 'VARCHAR',
  actor_type: 'VARCHAR',
  credential_kind: 'VARCHAR',
  credential_value: 'VARCHAR',
  credential_type: 'VARCHAR',
  app_kind: 'VARCHAR',
  app_value: 'VARCHAR',
  app_name: 'VARCHAR',
  ip_raw: 'VARCHAR',
  user_agent: 'VARCHAR',
  geo_country: 'VARCHAR',
  geo_city: 'VARCHAR',
  geo_lat: 'DOUBLE',
  geo_lon: 'DOUBLE',
  geo_asn: 'DOUBLE',
  geo_as_org: 'VARCHAR',
  system_key: 'VARCHAR',
  resource: 'VARCHAR',
  operation: 'VARCHAR',
  bytes: 'BIGINT',
  rows: 'BIGINT',
  scopes_text: 'VARCHAR',
  scopes_requested_text: 'VARCHAR',
  session_id: 'VARCHAR',
} as const;

export type BulkColumn = keyof typeof bulkColumns;

/** A JSON string field as the mapper's str(): empty is absent. */
export const text = (path: string): string => `nullif(${path}, '')`;

/** A number field as the mapper's num(): a finite number or a numeric string, else NULL. */
export const number = (path: string): string => `(CASE WHEN isfinite(TRY_CAST(trim(${path}) AS DOUBLE)) THEN TRY_CAST(trim(${path}) AS DOUBLE) END)`;

/** First non-absent of several fields, as the mapper's first(). */
export const firstOf = (...paths: string[]): string => `coalesce(${paths.map(text).join(', ')})`;

/** A field read as a 'JSON' leaf (its JSON text), as the mapper's str(). */
export const jsonText = (path: string): string =>
  `(CASE json_type(${path}) WHEN 'VARCHAR' THEN nullif(${path} ->> '$', '') WHEN 'NULL' THEN NULL WHEN 'OBJECT' THEN NULL WHEN 'ARRAY' THEN NULL ELSE CAST(${path} AS VARCHAR) END)`;

/** A JSON-text key back to the value the mapper saw (undefined when the field was absent). */
export function jsonValue(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}
