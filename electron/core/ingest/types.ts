/** Shared shapes of the import engine: what a parser receives and what it returns. */

import type { BulkPlan } from './bulk/plan';

export type Source =
  | 'okta'
  | 'entra'
  | 'm365'
  | 'google'
  | 'github'
  | 'salesforce'
  | 'aws'
  | 'slack'
  | 'gcp'
  | 'register'
  | 'hr'
  | 'generic'
  | 'unknown';

export type TimeQuality = 'exact' | 'assumed_utc' | 'approximate' | 'unparsed';

/** A normalised timestamp: the UTC instant when it could be determined, always the raw text. */
export interface Timestamp {
  utc: string | null;
  raw: string | null;
  quality: TimeQuality;
}

export interface IdRef {
  kind: string;
  value: string;
}

/** One activity event in the canonical shape (events table), before identity resolution. */
export interface EventFact {
  subNo?: number;
  time: Timestamp;
  action: string;
  actionRaw: string;
  category: 'auth' | 'api' | 'admin' | 'consent' | 'credential' | 'data' | 'other';
  outcome: 'success' | 'failure' | 'unknown';
  failureReason?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  actorType?: 'user' | 'service' | 'app' | 'bot' | 'unknown';
  actorEmail?: string | null;
  credential?: (IdRef & { type: string }) | null;
  app?: IdRef | null;
  appName?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Geo the source itself reported (Okta, Entra); offline enrichment fills the gaps. */
  geo?: { country?: string | null; city?: string | null; lat?: number | null; lon?: number | null; asn?: number | null; asOrg?: string | null };
  systemKey?: string | null;
  resource?: string | null;
  operation?: string | null;
  bytes?: number | null;
  rows?: number | null;
  scopes?: string[] | null;
  scopesRequested?: string[] | null;
  sessionId?: string | null;
}

/** An inventory statement about a credential (register row, token list entry, key on an app…). */
export interface CredentialFact {
  type: string;
  ids: IdRef[];
  displayName?: string | null;
  ownerEmail?: string | null;
  ownerRef?: IdRef | null;
  app?: IdRef | null;
  appName?: string | null;
  createdAt?: string | null;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  lastReviewedAt?: string | null;
  reviewIntervalDays?: number | null;
  purpose?: string | null;
  approvedPattern?: string | null;
  approvedCadence?: string | null;
  approvedHoursUtc?: string | null;
  approvedNetworks?: string[] | null;
  status?: string | null;
  scopes?: string[] | null;
  /** Register rows are the organisation's own statement; inventories are the platform's. */
  origin: 'register' | 'inventory';
}

export interface AppFact {
  ids: IdRef[];
  name?: string | null;
  publisher?: string | null;
  verified?: boolean | null;
  thirdParty?: boolean | null;
}

export interface PrincipalFact {
  email?: string | null;
  ids: IdRef[];
  kind: 'person' | 'service_account' | 'bot' | 'app' | 'unknown';
  displayName?: string | null;
  department?: string | null;
  managerEmail?: string | null;
  hrStatus?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface GrantFact {
  app?: IdRef | null;
  credential?: IdRef | null;
  principalEmail?: string | null;
  principalRef?: IdRef | null;
  consentType?: string | null;
  scopesRequested?: string[] | null;
  scopesGranted?: string[] | null;
  grantedAt?: string | null;
  revokedAt?: string | null;
  grantId?: string | null;
}

/** Everything one record says. A record may say nothing the canonical tables use (still loaded). */
export interface Mapped {
  events?: EventFact[];
  credentials?: CredentialFact[];
  apps?: AppFact[];
  principals?: PrincipalFact[];
  grants?: GrantFact[];
  /** Two identifiers of the same credential seen together (e.g. GitHub token_id + hashed_token). */
  credentialLinks?: [IdRef, IdRef][];
  /** Why this record produced nothing although the file's parser accepted the file. */
  unmapped?: string;
}

/** A record as the parsers see it: a JSON object (CSV rows become objects keyed by header). */
export type Doc = Record<string, unknown>;

export interface RecordContext {
  platform: string;
  fileName: string;
}

export interface ParserSpec {
  /** Stable id, recorded in the manifest with `version`. */
  id: string;
  version: string;
  source: Source;
  /** Platform the records belong to (m365 records are Microsoft's platform 'entra' for identity). */
  platform: string;
  /** Human shape label suffix, e.g. 'system_log'. */
  kind: string;
  /** 0 = not mine; higher wins. JSON: judged per sample record; CSV: judged on the header. */
  detectRecord?(doc: Doc): number;
  detectHeader?(header: string[]): number;
  /** Unwrap a record into the documents to map (e.g. CloudTrail lookup-events CloudTrailEvent string). */
  map(doc: Doc, ctx: RecordContext): Mapped;
  /** The same mapping in SQL for high-volume JSON sources (bulk/plan.ts); must agree with `map`. */
  bulk?: BulkPlan;
}
