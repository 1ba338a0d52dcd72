import { useState } from 'react';
import type { ErrorInfo } from '../../../../shared/contract';
import { api, callOrReport, useSessionStore } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/ErrorText';
import { ViewHeader } from '../../components/ViewHeader';
import { ReportPanel } from '../report';
import { ActionLogPanel } from './ActionLogPanel';
import { CaseTable } from './CaseTable';
import { CreateCaseForm } from './CreateCaseForm';
import { useCaseList } from './use-case-list';

/** Cases: list, create, open, close, and the bundled sample case on first launch. */
export function CasesView() {
  const currentCase = useSessionStore((s) => s.currentCase);
  const setCurrentCase = useSessionStore((s) => s.setCurrentCase);
  const sampleAvailable = useSessionStore((s) => s.appInfo?.sampleAvailable ?? false);
  const list = useCaseList(currentCase?.id ?? 'none');
  const cases = list.value?.cases ?? null;
  const { reload } = list;
  const [busy, setBusy] = useState(false);
  const [sampleError, setSampleError] = useState<ErrorInfo | null>(null);
  const [sampleBusy, setSampleBusy] = useState(false);

  async function run<T>(work: () => Promise<T>): Promise<T> {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
      reload();
    }
  }

  const create = (name: string) =>
    run(async () => {
      const result = await api.invoke('case.create', { name });
      if (!result.ok) return result.error;
      setCurrentCase(result.value);
      return null;
    });

  const open = (caseId: string) =>
    run(async () => {
      const result = await callOrReport('case.open', { caseId }, 'Opening a case');
      if (result.ok) setCurrentCase(result.value);
    });

  const close = () =>
    run(async () => {
      const result = await callOrReport('case.close', {}, 'Closing the case');
      if (result.ok) setCurrentCase(null);
    });

  const openSample = () =>
    run(async () => {
      setSampleBusy(true);
      const result = await api.invoke('case.openSample', {});
      setSampleBusy(false);
      setSampleError(result.ok ? null : result.error);
      if (result.ok) setCurrentCase(result.value);
    });

  const noCases = cases !== null && cases.length === 0;

  return (
    <section className="view" aria-label="Cases">
      <ViewHeader
        title="Cases"
        subtitle={currentCase ? `Open: ${currentCase.name}` : 'One case file per investigation. Nothing leaves this machine.'}
      />

      <div className="panel">
        <CreateCaseForm busy={busy} onCreate={create} />
      </div>

      {sampleAvailable ? (
        <div className={noCases ? 'panel panel-highlight' : 'panel'}>
          <p className="panel-title">{noCases ? 'First time here? Start with the sample case' : 'Sample case'}</p>
          <p>
            A realistic demo investigation built from the bundled exports (sample-data/): credentials from several platforms, their activity, and
            the findings they trigger.
          </p>
          <button type="button" onClick={() => void openSample()} disabled={busy}>
            Open sample case
          </button>
          {sampleBusy ? (
            <p className="muted" role="status">
              Opening the sample case… The first time, it is built from the bundled exports, which takes a little while.
            </p>
          ) : null}
          {sampleError ? (
            <p className="field-error" role="alert">
              <ErrorText code={sampleError.code} message={sampleError.message} />
            </p>
          ) : null}
        </div>
      ) : null}

      {cases === null && !list.error ? <p className="muted">Loading cases…</p> : null}
      {list.error ? (
        <p className="field-error" role="alert">
          {cases ? 'The list below may be out of date: ' : 'The cases could not be listed: '}
          <ErrorText code={list.error.code} message={list.error.message} />{' '}
          <button type="button" onClick={reload}>
            Retry
          </button>
        </p>
      ) : null}
      {noCases ? (
        <EmptyState title="No cases yet">
          <p>Create a case above to start an investigation. Each case is a single file in your workspace folder that holds the imported evidence, the findings and your notes.</p>
        </EmptyState>
      ) : null}
      {cases && cases.length > 0 ? (
        <CaseTable cases={cases} currentId={currentCase?.id ?? null} busy={busy} onOpen={(id) => void open(id)} onClose={() => void close()} />
      ) : null}
      {currentCase ? (
        <>
          <ReportPanel caseName={currentCase.name} />
          <ActionLogPanel caseId={currentCase.id} />
        </>
      ) : null}
    </section>
  );
}
