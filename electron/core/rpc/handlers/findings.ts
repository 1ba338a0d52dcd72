import { ContractError } from '../../../../shared/contract';
import { appendAction } from '../../cases/action-log';
import { loadCatalog, type Rule } from '../../detections/engine/catalog';
import { getFinding, listFindings } from '../../detections/engine/findings-store';
import { runDetections } from '../../detections/engine/run';
import * as tuning from '../../detections/engine/tuning';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';

type FindingsHandlers = Pick<
  Handlers,
  | 'detections.run'
  | 'detections.rules'
  | 'detections.setParameter'
  | 'findings.list'
  | 'findings.detail'
  | 'suppressions.list'
  | 'suppressions.add'
  | 'suppressions.remove'
  | 'allowlists.list'
  | 'allowlists.add'
  | 'allowlists.remove'
  | 'iocs.packs'
  | 'iocs.addIndicators'
>;

/** Tuning mistakes are the caller's (BAD_REQUEST); anything else stays INTERNAL. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof tuning.TuningError) throw new ContractError('BAD_REQUEST', error.message);
    throw error;
  }
}

export function findingsHandlers({ session }: BackendContext): FindingsHandlers {
  let catalog: Rule[] | undefined;
  const rules = () => (catalog ??= loadCatalog());
  const conn = () => session.require().connection;
  const now = () => new Date().toISOString();
  /** Every change to the analysis or its tuning goes into the case's append-only action log. */
  const logged = async <T>(action: string, detail: (result: T) => unknown, work: () => Promise<T>): Promise<T> => {
    const result = await work();
    await appendAction(conn(), action, detail(result));
    return result;
  };
  return {
    'detections.run': async ({ asOf, analysisStart }) => {
      try {
        const result = await logged(
          'detections.run',
          (r) => ({ runId: r.runId, asOf: r.asOf, analysisStart: r.analysisStart, rulesVersion: r.rulesVersion, findings: r.findings }),
          () => runDetections(conn(), { asOf, analysisStart, rules: rules() }),
        );
        return { runId: result.runId, asOf: result.asOf, analysisStart: result.analysisStart, rulesVersion: result.rulesVersion, findings: result.findings, timings: result.timings };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/is not a date-time|is after as-of|no timed events/.test(message)) throw new ContractError('BAD_REQUEST', message);
        throw error;
      }
    },
    'detections.rules': async () => ({ rules: await tuning.ruleInfos(conn(), rules()) }),
    'detections.setParameter': ({ ruleId, name, value }) =>
      guard(() =>
        logged('detections.setParameter', () => ({ ruleId, name, value }), async () => {
          await tuning.setParameter(conn(), rules(), ruleId, name, value, now());
          return {};
        }),
      ),
    'findings.list': async (filter) => {
      const { total, findings } = await listFindings(conn(), filter);
      // the list carries summaries; explanation and evidence records come with findings.detail
      return { total, findings: findings.map(({ explanation: _e, eventRefs: _r, inventoryRefs: _i, runId: _run, ...summary }) => summary) };
    },
    'findings.detail': async ({ findingId }) => {
      const finding = await getFinding(conn(), findingId);
      if (!finding) throw new ContractError('NOT_FOUND', `No finding ${findingId} in the latest run`);
      return finding;
    },
    'suppressions.list': async () => ({ suppressions: await tuning.listSuppressions(conn()) }),
    'suppressions.add': (input) => guard(() => logged('suppressions.add', (added) => ({ input, added }), () => tuning.addSuppression(conn(), rules(), input, now()))),
    'suppressions.remove': ({ suppressionId }) =>
      logged('suppressions.remove', () => ({ suppressionId }), async () => {
        if (!(await tuning.removeSuppression(conn(), suppressionId))) throw new ContractError('NOT_FOUND', `No suppression ${suppressionId}`);
        return {};
      }),
    'allowlists.list': async () => ({ entries: await tuning.listAllowlists(conn()) }),
    'allowlists.add': ({ list, entry, note }) =>
      guard(() => logged('allowlists.add', (added) => ({ list, entry, note, added }), () => tuning.addAllowlist(conn(), list, entry, note, now()))),
    'allowlists.remove': ({ list, id }) =>
      logged('allowlists.remove', () => ({ list, id }), async () => {
        if (!(await tuning.removeAllowlist(conn(), list, id))) throw new ContractError('NOT_FOUND', `No ${list} allowlist entry ${id}`);
        return {};
      }),
    'iocs.packs': async () => ({ packs: await tuning.listIocPacks(conn()) }),
    'iocs.addIndicators': (input) => guard(() => logged('iocs.addIndicators', (added) => ({ input, added }), () => tuning.addIocIndicators(conn(), input, now()))),
  };
}
