import type { DuckDBResultReader, DuckDBType } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import { Bool, Field, Float64, List, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

/**
 * A DuckDB result as Arrow IPC (stream format), base64 so it rides in a JSON envelope over HTTP and
 * Electron IPC alike. @duckdb/node-api has no Arrow export (TOOLCHAIN.md §3.4), so columns are read
 * as JS values and rebuilt with apache-arrow. Numbers travel as Float64 (the renderer should not have
 * to juggle bigint; ids and counts here stay far below 2^53), times as UTC milliseconds, VARCHAR lists
 * as List<Utf8>, and anything else as text.
 */
export function resultToArrowBase64(result: DuckDBResultReader, limit?: number): string {
  return Buffer.from(resultToArrowBytes(result, limit)).toString('base64');
}

/** `limit` keeps the first rows only (a row cap read one row past the cap to know it was hit). */
export function resultToArrowBytes(result: DuckDBResultReader, limit?: number): Uint8Array {
  const names = result.columnNames();
  const types = result.columnTypes();
  const columns = result.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const { type, convert } = arrowFor(types[i]);
    vectors[uniqueName(name, vectors)] = vectorFromArray<DataType>((limit === undefined ? (columns[i] ?? []) : (columns[i] ?? []).slice(0, limit)).map(convert), type);
  });
  return tableToIPC(new Table(vectors), 'stream');
}

interface Mapping {
  type: DataType;
  convert(value: unknown): unknown;
}

const numeric = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);

const temporal = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_NS,
]);

function arrowFor(type: DuckDBType | undefined): Mapping {
  const id = type?.typeId;
  if (id === DuckDBTypeId.BOOLEAN) return { type: new Bool(), convert: (v) => (v === null || v === undefined ? null : Boolean(v)) };
  if (id !== undefined && numeric.has(id)) return { type: new Float64(), convert: toNumber };
  if (id !== undefined && temporal.has(id)) return { type: new TimestampMillisecond('UTC'), convert: toMillis };
  if (id === DuckDBTypeId.LIST || id === DuckDBTypeId.ARRAY) {
    return {
      type: new List(new Field('item', new Utf8(), true)),
      convert: (v) => (Array.isArray(v) ? v.map((item) => (item === null ? null : toText(item))) : null),
    };
  }
  return { type: new Utf8(), convert: (v) => (v === null || v === undefined ? null : toText(v)) };
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function toMillis(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return value;
  return null;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** SQL allows duplicate column names (SELECT 1 a, 2 a); an Arrow table keyed by name does not. */
function uniqueName(name: string, taken: Record<string, unknown>): string {
  if (!(name in taken)) return name;
  let n = 2;
  while (`${name}_${n}` in taken) n += 1;
  return `${name}_${n}`;
}
