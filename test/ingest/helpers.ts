import type { CaseDatabase } from '../../electron/core/db/case-db';

export { tempCase } from '../support/temp-case';

export async function rows(db: CaseDatabase, sql: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>[]> {
  return (await db.connection.runAndReadAll(sql, params)).getRowObjectsJS() as Record<string, unknown>[];
}

export async function count(db: CaseDatabase, sql: string, params: Record<string, string | number> = {}): Promise<number> {
  const r = await rows(db, sql, params);
  return Number(Object.values(r[0] ?? {})[0] ?? 0);
}
