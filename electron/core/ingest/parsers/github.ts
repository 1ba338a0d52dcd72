import { parseDateLoose, parseTimestamp } from '../time';
import type { Doc, IdRef, Mapped, ParserSpec } from '../types';
import { at, classify, first, isObject, num, outcomeOf, scopes, str } from './util';

/** GitHub audit log: JSON export, REST pages, streaming NDJSON, CSV export (dotted columns). */
export const githubAudit: ParserSpec = {
  id: 'github.audit_log',
  version: '1',
  source: 'github',
  platform: 'github',
  kind: 'audit_log',
  detectRecord(d) {
    if (typeof d.action !== 'string' || !/^[a-z_]+\.[a-z_.]+$/.test(d.action)) return 0;
    const signals = ['actor', 'org', '_document_id', 'business', 'created_at', '@timestamp', 'at_sign_timestamp', 'hashed_token', 'repo'];
    return signals.filter((k) => d[k] !== undefined).length >= 2 ? 9 : 0;
  },
  detectHeader: (h) => (h.includes('action') && h.includes('actor') && (h.includes('created_at') || h.includes('@timestamp')) ? 9 : 0),
  map(d): Mapped {
    const actionRaw = str(d.action)!;
    let { action, category } = classify(actionRaw);
    if (/^personal_access_token\.(request_created|access_granted)|^oauth_access\.create/.test(actionRaw)) [action, category] = ['credential.create', 'credential'];
    if (/^api\.request$/.test(actionRaw)) [action, category] = ['api.call', 'api'];
    const tokenId = str(d.token_id);
    const hashed = str(d.hashed_token);
    const pat = str(d.programmatic_access_type);
    const type = !pat ? 'pat' : /fine-grained/i.test(pat) ? 'fine_grained_pat' : /classic/i.test(pat) ? 'pat' : /oauth/i.test(pat) ? 'oauth_grant' : 'app_token';
    const cred: IdRef | null = tokenId ? { kind: 'github_token_id', value: tokenId } : hashed ? { kind: 'github_hashed_token', value: hashed } : null;
    const oauthApp = str(d.oauth_application_id);
    const status = num(d.status_code);
    return {
      events: [
        {
          time: parseTimestamp(d['@timestamp'] ?? d.created_at ?? d.at_sign_timestamp ?? d.timestamp),
          action,
          actionRaw,
          category,
          outcome: status !== null ? (status < 400 ? 'success' : 'failure') : 'unknown',
          actorId: str(d.actor_id),
          actorName: str(d.actor),
          actorType: d.actor_is_bot === true ? 'bot' : 'user',
          credential: cred ? { ...cred, type } : null,
          app: oauthApp ? { kind: 'github_oauth_app_id', value: oauthApp } : str(d.integration) ? { kind: 'github_app_name', value: str(d.integration)! } : null,
          appName: str(d.oauth_application) ?? str(d.integration),
          ip: str(d.actor_ip),
          userAgent: str(d.user_agent),
          geo: { country: first(d, 'actor_location.country_code') },
          systemKey: 'github',
          resource: str(d.repo) ?? str(d.repository) ?? str(d.url_path) ?? str(d.route),
          operation: str(d.request_method) ?? str(d.route),
          scopes: scopes(d.token_scopes),
          sessionId: str(d._document_id),
        },
      ],
      credentialLinks: tokenId && hashed ? [[{ kind: 'github_token_id', value: tokenId }, { kind: 'github_hashed_token', value: hashed }]] : [],
      apps: oauthApp ? [{ ids: [{ kind: 'github_oauth_app_id', value: oauthApp }], name: str(d.oauth_application) }] : [],
    };
  },
};

/** GitHub PAT inventories: fine-grained token list and classic credential authorizations. */
export const githubTokens: ParserSpec = {
  id: 'github.tokens',
  version: '1',
  source: 'github',
  platform: 'github',
  kind: 'tokens',
  detectRecord(d) {
    if (d.credential_id !== undefined && d.credential_type !== undefined) return 10;
    if (d.id !== undefined && isObject(d.owner) && (d.token_expires_at !== undefined || d.access_granted_at !== undefined)) return 10;
    return 0;
  },
  detectHeader: (h) => (h.includes('credential_id') && h.includes('credential_type') ? 10 : 0),
  map(d: Doc): Mapped {
    if (d.credential_id !== undefined) {
      const fine = /fine/i.test(str(d.credential_type) ?? '');
      return {
        credentials: [
          {
            type: fine ? 'fine_grained_pat' : 'pat',
            ids: [
              { kind: 'github_token_id', value: str(d.credential_id)! },
              ...(str(d.authorized_credential_id) ? [{ kind: 'github_token_id', value: str(d.authorized_credential_id)! }] : []),
            ],
            displayName: str(d.authorized_credential_title) ?? str(d.authorized_credential_note) ?? str(d.token_last_eight),
            ownerRef: str(d.login) ? { kind: 'github_login', value: str(d.login)! } : null,
            createdAt: parseDateLoose(d.credential_authorized_at),
            expiresAt: parseDateLoose(d.authorized_credential_expires_at),
            lastUsedAt: parseDateLoose(d.credential_accessed_at),
            scopes: scopes(d.scopes),
            status: 'active',
            origin: 'inventory',
          },
        ],
      };
    }
    return {
      credentials: [
        {
          type: 'fine_grained_pat',
          ids: [{ kind: 'github_token_id', value: str(d.token_id) ?? str(d.id)! }],
          displayName: str(d.token_name),
          ownerRef: str(at(d, 'owner.login')) ? { kind: 'github_login', value: str(at(d, 'owner.login'))! } : null,
          createdAt: parseDateLoose(d.access_granted_at),
          expiresAt: parseDateLoose(d.token_expires_at),
          lastUsedAt: parseDateLoose(d.token_last_used_at),
          scopes: isObject(d.permissions) ? Object.entries(d.permissions).flatMap(([, v]) => (isObject(v) ? Object.entries(v).map(([k, a]) => `${k}:${String(a)}`) : [])) : null,
          status: d.token_expired === true ? 'expired' : 'active',
          origin: 'inventory',
        },
      ],
    };
  },
};

/** Organisation webhooks (X-GitHub-Event payloads): a different schema from the audit log; kept as events. */
export const githubWebhook: ParserSpec = {
  id: 'github.webhook',
  version: '1',
  source: 'github',
  platform: 'github',
  kind: 'webhook',
  detectRecord: (d) => (d['X-GitHub-Event'] !== undefined || (isObject(d.sender) && isObject(d.organization) && d.action !== undefined) ? 8 : 0),
  map(d): Mapped {
    const actionRaw = `${str(d['X-GitHub-Event']) ?? 'webhook'}.${str(d.action) ?? ''}`;
    const { action, category } = classify(actionRaw);
    return {
      events: [
        {
          // Webhook payloads carry no event time (only object timestamps): kept unparsed, not guessed.
          time: parseTimestamp(null),
          action,
          actionRaw,
          category,
          outcome: outcomeOf(null),
          actorId: first(d, 'sender.id'),
          actorName: first(d, 'sender.login'),
          actorType: 'user',
          systemKey: 'github',
          resource: first(d, 'repository.full_name', 'member.login', 'team.name', 'organization.login'),
        },
      ],
    };
  },
};

/** GitHub App installations (GET /orgs/{org}/installations): each app and the permissions it holds. */
export const githubInstallations: ParserSpec = {
  id: 'github.installations',
  version: '1',
  source: 'github',
  platform: 'github',
  kind: 'installations',
  detectRecord: (d) => (d.app_id !== undefined && d.app_slug !== undefined && isObject(d.account) ? 10 : 0),
  map(d): Mapped {
    const appId = str(d.app_id)!;
    const permissions = isObject(d.permissions) ? Object.entries(d.permissions).map(([k, v]) => `${k}:${String(v)}`) : null;
    return {
      apps: [{ ids: [{ kind: 'github_app_id', value: appId }, ...(str(d.app_slug) ? [{ kind: 'github_app_name', value: str(d.app_slug)! }] : [])], name: str(d.app_slug) }],
      grants: [
        {
          grantId: `installation:${str(d.id) ?? appId}`,
          app: { kind: 'github_app_id', value: appId },
          consentType: 'admin',
          scopesGranted: permissions,
          grantedAt: parseDateLoose(d.created_at),
        },
      ],
    };
  },
};
