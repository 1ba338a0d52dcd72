import type { Doc, ParserSpec } from '../types';
import { awsAccessKeys, awsCloudTrail, awsCredentialReport } from './aws';
import { githubAudit, githubInstallations, githubTokens, githubWebhook } from './github';
import { googleActivity, googleTokens } from './google';
import { entraApps, entraGrants, entraLogs, entraSignInCsv, m365Audit, m365AuditCsv } from './microsoft';
import { oktaApiTokens, oktaSystemLog } from './okta';
import { credentialRegister, hrOwners } from './org';
import { salesforceElf, salesforceLoginHistory, salesforceOauthTokens, salesforceRealtime, salesforceSetupAudit } from './salesforce';
import { gcpAudit, slackAudit } from './slack-gcp';

/**
 * Every parser, recognised from content. A saved generic column mapping (a later issue) becomes
 * one more ParserSpec here: detectHeader/detectRecord from its saved header, map from its columns.
 */
export const parsers: ParserSpec[] = [
  oktaSystemLog,
  oktaApiTokens,
  entraLogs,
  entraGrants,
  entraApps,
  entraSignInCsv,
  m365Audit,
  m365AuditCsv,
  googleActivity,
  googleTokens,
  githubAudit,
  githubTokens,
  githubWebhook,
  githubInstallations,
  salesforceElf,
  salesforceRealtime,
  salesforceLoginHistory,
  salesforceOauthTokens,
  salesforceSetupAudit,
  awsCloudTrail,
  awsCredentialReport,
  awsAccessKeys,
  slackAudit,
  gcpAudit,
  credentialRegister,
  hrOwners,
];

export type Recognition = { parser: ParserSpec; matched: number; sampled: number } | { parser: null; reason: string };

/**
 * The parser whose detector accepts most of the sampled records (ties: higher score). A file is
 * recognised only when at least half of its sample matches one parser: nothing is guessed silently.
 */
export function recogniseDocs(sample: Doc[]): Recognition {
  if (!sample.length) return { parser: null, reason: 'no JSON object records to recognise' };
  let best: { parser: ParserSpec; matched: number; score: number } | null = null;
  for (const parser of parsers) {
    if (!parser.detectRecord) continue;
    let matched = 0;
    let score = 0;
    for (const doc of sample) {
      const s = safe(() => parser.detectRecord!(doc));
      if (s > 0) {
        matched++;
        score += s;
      }
    }
    if (matched && (!best || matched > best.matched || (matched === best.matched && score > best.score))) best = { parser, matched, score };
  }
  if (!best || best.matched * 2 < sample.length) {
    const keys = [...new Set(sample.slice(0, 3).flatMap((d) => Object.keys(d)))].slice(0, 12).join(', ');
    return { parser: null, reason: `no known source matches these records (keys: ${keys || 'none'})${best ? `; closest ${best.parser.id} matched ${best.matched}/${sample.length}` : ''}` };
  }
  return { parser: best.parser, matched: best.matched, sampled: sample.length };
}

export function recogniseHeader(header: string[]): Recognition {
  let best: { parser: ParserSpec; score: number } | null = null;
  for (const parser of parsers) {
    if (!parser.detectHeader) continue;
    const s = safe(() => parser.detectHeader!(header));
    if (s > 0 && (!best || s > best.score)) best = { parser, score: s };
  }
  if (!best) return { parser: null, reason: `no known CSV export has these columns: ${header.slice(0, 12).join(', ')}` };
  return { parser: best.parser, matched: 1, sampled: 1 };
}

function safe(fn: () => number): number {
  try {
    return fn();
  } catch {
    return 0;
  }
}
