import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseDatabase } from '../../electron/core/db/case-db';
import { importEvidence } from '../../electron/core/ingest';

/** Attacker-controlled strings planted in names and user agents (browser and SQL tests). */
export const payloads = {
  appName: '<img src=x onerror="window.__pwned=1">Evil<script>window.__pwned=2</script> App',
  userAgent: '<script>window.__pwned=3</script>python-requests/2.32.4',
};

const CHAT_APP_ID = '0H4Hs0000kYMiR5JVW';
const EVIL_APP_ID = '0H4Hs0000EviLAppAA';

function apiEvent(i: number, at: string, over: Record<string, unknown>): Record<string, unknown> {
  const id = `0AYHs${String(i).padStart(13, '0')}`;
  return {
    attributes: { type: 'ApiEvent', url: `/services/data/v62.0/sobjects/ApiEvent/${id}` },
    Id: id,
    EventDate: at,
    EventIdentifier: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    UserId: '005Hs00000ChatPilAA',
    Username: 'chatpilot.integration@example.test',
    SourceIp: '52.36.201.151',
    SessionKey: `S${i}`,
    LoginKey: `L${i}`,
    ConnectedAppId: CHAT_APP_ID,
    Client: 'ChatPilot for Salesforce',
    UserAgent: 'ChatPilot-Sync/4.2.1',
    Application: 'ChatPilot for Salesforce',
    ApiType: 'REST API',
    ApiVersion: 62,
    Operation: 'Query',
    Query: 'SELECT Id FROM Lead LIMIT 200',
    QueriedEntities: 'Lead',
    RowsProcessed: 40,
    ElapsedTime: 120,
    SessionLevel: 'STANDARD',
    PolicyOutcome: null,
    ...over,
  };
}

/**
 * A small Salesforce tenant in the real export formats (OauthToken and ApiEvent query results):
 * the ChatPilot integration syncs 40 Lead rows daily in October, then on 15 November bulk-exports
 * Case and Account from a DigitalOcean address; a second app carries script payloads in its name
 * and user agent.
 */
export function writeSalesforceEvidence(dir: string): string[] {
  const tokens = {
    totalSize: 2,
    done: true,
    records: [
      {
        attributes: { type: 'OauthToken', url: '/services/data/v62.0/sobjects/OauthToken/0CQHs0000ChatTokAA' },
        Id: '0CQHs0000ChatTokAA',
        AppName: 'ChatPilot for Salesforce',
        AppMenuItemId: '0DSHs0000ChatMenuA',
        UserId: '005Hs00000ChatPilAA',
        CreatedDate: '2024-09-12T15:20:00.000+0000',
        LastUsedDate: '2026-11-15T04:19:15.000+0000',
        UseCount: 2000,
      },
      {
        attributes: { type: 'OauthToken', url: '/services/data/v62.0/sobjects/OauthToken/0CQHs0000EvilTokAA' },
        Id: '0CQHs0000EvilTokAA',
        AppName: payloads.appName,
        AppMenuItemId: '0DSHs0000EvilMenuA',
        UserId: '005Hs00000OtherUsAA',
        CreatedDate: '2025-01-01T00:00:00.000+0000',
        LastUsedDate: null,
        UseCount: 3,
      },
    ],
  };
  const events: Record<string, unknown>[] = [];
  let i = 0;
  for (let day = 10; day <= 30; day++) events.push(apiEvent(++i, `2026-10-${day}T03:07:00.000+0000`, {}));
  const breach = [
    { entity: 'Account', rows: 48211 },
    { entity: 'Case', rows: 388402 },
  ];
  for (const [k, b] of breach.entries()) {
    events.push(
      apiEvent(++i, `2026-11-15T04:0${k}:40.000+0000`, {
        SourceIp: '208.68.36.90',
        UserAgent: payloads.userAgent,
        ApiType: 'Bulk API 2.0',
        Query: `SELECT FIELDS(STANDARD) FROM ${b.entity}`,
        QueriedEntities: b.entity,
        RowsProcessed: b.rows,
      }),
    );
  }
  events.push(
    apiEvent(i + 1, '2026-11-15T05:00:00.000+0000', {
      UserId: '005Hs00000OtherUsAA',
      Username: 'other@example.test',
      ConnectedAppId: EVIL_APP_ID,
      Client: payloads.appName,
      Application: payloads.appName,
      UserAgent: payloads.userAgent,
      QueriedEntities: 'Contact',
      Query: 'SELECT Id FROM Contact',
      RowsProcessed: 7,
    }),
  );
  const tokenPath = join(dir, 'OauthToken.json');
  const eventPath = join(dir, 'ApiEvent_2026-11.json');
  writeFileSync(tokenPath, JSON.stringify(tokens, null, 2));
  writeFileSync(eventPath, JSON.stringify({ totalSize: events.length, done: true, records: events }, null, 2));
  return [tokenPath, eventPath];
}

export const ids = { chatApp: CHAT_APP_ID, chatApp15: CHAT_APP_ID.slice(0, 15), evilApp: EVIL_APP_ID };

/** A real case file with the evidence above imported by the real importer. */
export async function salesforceCase(): Promise<{ db: CaseDatabase; dir: string; done: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-graph-'));
  const db = await CaseDatabase.create(join(dir, 'case.tokenscope'), 'Graph test');
  const result = await importEvidence(db, writeSalesforceEvidence(dir));
  const failed = result.files.filter((f) => f.status === 'failed');
  if (failed.length) throw new Error(`fixture import failed: ${JSON.stringify(failed)}`);
  return {
    db,
    dir,
    done: async () => {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
