import { useId, useState } from 'react';
import type { ErrorInfo } from '../../../../shared/contract';
import { api, useCall } from '../../api';
import { ErrorText } from '../../components/ErrorText';
import { triageRequest, triageStateLabels, type TriageStateName } from './triage-form';

const linkTargetTypes = ['credential', 'event', 'finding', 'app', 'principal'] as const;
type LinkTargetType = (typeof linkTargetTypes)[number];

/**
 * Triage one finding: state (accepted risk with an expiry), a note, tags; shows its notes, tags
 * and links. Meant to sit in a finding's detail panel (the Findings view embeds it). Every change
 * lands in the case's hash-chained action log.
 */
export function TriageControls({ findingId, onChanged }: { findingId: string; onChanged?: () => void }) {
  const [version, setVersion] = useState(0);
  const triage = useCall('triage.list', {}, `${findingId}:${version}`);
  const notes = useCall('triage.annotations', { target: { type: 'finding', key: findingId } }, version);
  const current = triage.value?.triage.find((t) => t.findingId === findingId) ?? null;
  const [state, setState] = useState<TriageStateName>('confirmed');
  const [expiry, setExpiry] = useState('');
  const [note, setNote] = useState('');
  const [tag, setTag] = useState('');
  const [linkType, setLinkType] = useState<LinkTargetType>('credential');
  const [linkKey, setLinkKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { state: useId(), expiry: useId(), note: useId(), tag: useId(), linkType: useId(), linkKey: useId() };

  async function done(result: { ok: true } | { ok: false; error: ErrorInfo }) {
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setVersion((v) => v + 1);
      onChanged?.();
    }
  }

  async function save() {
    const request = triageRequest(findingId, state, expiry, note, new Date());
    setProblem(request.ok ? null : request.message);
    if (!request.ok) return;
    setBusy(true);
    const result = await api.invoke('triage.set', request.input);
    if (result.ok) setNote('');
    await done(result);
  }

  async function addTag() {
    if (!tag.trim()) return;
    setBusy(true);
    const result = await api.invoke('triage.tag', { target: { type: 'finding', key: findingId }, tag: tag.trim(), present: true });
    if (result.ok) setTag('');
    await done(result);
  }

  async function addLink() {
    if (!linkKey.trim()) return;
    setBusy(true);
    const result = await api.invoke('triage.link', {
      from: { type: 'finding', key: findingId },
      to: { type: linkType, key: linkKey.trim() },
      relation: 'related',
    });
    if (result.ok) setLinkKey('');
    await done(result);
  }

  return (
    <div className="triage" aria-label="Triage">
      <p>
        Triage:{' '}
        <strong data-testid="triage-state">
          {current ? triageStateLabels[current.effectiveState] : 'Open (untriaged)'}
          {current?.state === 'accepted_risk' && current.expiresAt ? ` until ${current.expiresAt.slice(0, 10)}` : ''}
        </strong>
        {current && current.effectiveState !== current.state ? ' (the accepted risk has expired)' : ''}
      </p>
      <div className="inline-form">
        <label htmlFor={ids.state}>State</label>
        <select id={ids.state} value={state} onChange={(e) => setState(e.target.value as TriageStateName)}>
          {Object.entries(triageStateLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {state === 'accepted_risk' ? (
          <>
            <label htmlFor={ids.expiry}>Until</label>
            <input id={ids.expiry} type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
          </>
        ) : null}
      </div>
      <div className="inline-form">
        <label htmlFor={ids.note}>Note</label>
        <input id={ids.note} type="text" maxLength={8000} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" onClick={() => void save()} disabled={busy}>
          Save triage
        </button>
      </div>
      <div className="inline-form">
        <label htmlFor={ids.tag}>Tag</label>
        <input id={ids.tag} type="text" maxLength={64} value={tag} onChange={(e) => setTag(e.target.value)} />
        <button type="button" onClick={() => void addTag()} disabled={busy || !tag.trim()}>
          Add tag
        </button>
      </div>
      <div className="inline-form">
        <label htmlFor={ids.linkType}>Link to</label>
        <select id={ids.linkType} value={linkType} onChange={(e) => setLinkType(e.target.value as LinkTargetType)}>
          {linkTargetTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label htmlFor={ids.linkKey}>Key</label>
        <input id={ids.linkKey} type="text" maxLength={512} placeholder="credential key, event id, finding id…" value={linkKey} onChange={(e) => setLinkKey(e.target.value)} />
        <button type="button" onClick={() => void addLink()} disabled={busy || !linkKey.trim()}>
          Add link
        </button>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          <ErrorText code={error.code} message={error.message} />
        </p>
      ) : null}
      {notes.value && notes.value.tags.length > 0 ? <p>Tags: {notes.value.tags.join(', ')}</p> : null}
      {notes.value && notes.value.notes.length > 0 ? (
        <ul>
          {notes.value.notes.map((n) => (
            <li key={n.id}>
              <span className="muted">
                {n.createdAt.replace('T', ' ').slice(0, 16)} {n.author}:
              </span>{' '}
              {n.body}
            </li>
          ))}
        </ul>
      ) : null}
      {notes.value && notes.value.links.length > 0 ? (
        <ul>
          {notes.value.links.map((l) => (
            <li key={`${l.from.type}:${l.from.key}>${l.to.type}:${l.to.key}:${l.relation}`}>
              {l.relation}: {l.from.type} {l.from.key} → {l.to.type} {l.to.key}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
