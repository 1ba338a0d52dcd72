import { readdirSync, readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { resourcePath } from '../../paths';

export const iocTypes = ['ip', 'cidr', 'user_agent', 'github_oauth_app_id', 'app_id', 'asn'] as const;
export type IocType = (typeof iocTypes)[number];

const PackMeta = z
  .object({ id: z.string().regex(/^[a-z0-9-]+$/), version: z.string().min(1), title: z.string().min(1), source: z.string().min(1) })
  .strict();

export interface IocIndicator {
  incident: string;
  type: IocType;
  value: string;
  note: string;
}

export interface IocPack {
  id: string;
  version: string;
  title: string;
  source: string;
  indicators: IocIndicator[];
}

const iocDir = resourcePath('electron', 'core', 'detections', 'iocs');

/** Parse an IOC CSV (incident,type,value,note). Values hold no commas except in the last column. */
export function parseIocCsv(text: string, file: string): IocIndicator[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== 'incident,type,value,note') throw new Error(`${file}: header must be "incident,type,value,note"`);
  const out: IocIndicator[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const [incident, type, value, ...note] = line.split(',');
    if (!incident || !value || !(iocTypes as readonly string[]).includes(type ?? '')) {
      throw new Error(`${file} line ${i + 2}: expected incident,type,value,note with type one of ${iocTypes.join('|')}`);
    }
    out.push({ incident, type: type as IocType, value: value.trim(), note: note.join(',').trim() });
  });
  return out;
}

/** The IOC packs shipped with the app (detections/iocs/<pack>.yaml + <pack>.csv). */
export function builtinPacks(dir = iocDir): IocPack[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const meta = PackMeta.parse(parseYaml(readFileSync(`${dir}/${f}`, 'utf8')));
      const csv = `${dir}/${f.replace(/\.yaml$/, '.csv')}`;
      return { ...meta, indicators: parseIocCsv(readFileSync(csv, 'utf8'), csv) };
    });
}

/**
 * Make sure the case holds the shipped packs at their current version. User-added packs and
 * indicators are left alone; a shipped pack is replaced only when its version changed.
 */
export async function ensureBuiltinPacks(conn: DuckDBConnection, loadedAt: string, packs = builtinPacks()): Promise<void> {
  for (const pack of packs) {
    const rows = (
      await conn.runAndReadAll(`SELECT version FROM ioc_packs WHERE pack_id = $id`, { id: pack.id })
    ).getRowObjectsJS();
    if (rows[0]?.version === pack.version) continue;
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(`DELETE FROM ioc_indicators WHERE pack_id = $id`, { id: pack.id });
      await conn.run(`DELETE FROM ioc_packs WHERE pack_id = $id`, { id: pack.id });
      await conn.run(
        `INSERT INTO ioc_packs (pack_id, version, title, source, builtin, loaded_at) VALUES ($id, $version, $title, $source, true, $at::TIMESTAMPTZ)`,
        { id: pack.id, version: pack.version, title: pack.title, source: pack.source, at: loadedAt },
      );
      for (const ind of pack.indicators) {
        await conn.run(
          `INSERT OR IGNORE INTO ioc_indicators (pack_id, type, value, incident, note) VALUES ($id, $type, $value, $incident, $note)`,
          { id: pack.id, type: ind.type, value: ind.value, incident: ind.incident, note: ind.note || null },
        );
      }
      await conn.run('COMMIT');
    } catch (error) {
      await conn.run('ROLLBACK');
      throw error;
    }
  }
}
