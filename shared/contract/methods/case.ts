import { z } from 'zod';
import { AbsolutePath, method } from '../method-spec';
import { CaseId, CaseInfo, CaseName, CaseSummary, Empty } from '../schemas';

export const caseMethods = {
  'case.list': method({
    input: Empty,
    output: z.object({ cases: z.array(CaseSummary) }).strict(),
    audience: 'renderer',
    summary: 'Cases in the workspace folder and recently opened cases.',
  }),
  'case.create': method({
    input: z.object({ name: CaseName }).strict(),
    output: CaseInfo,
    audience: 'renderer',
    summary: 'Create a new case file in the workspace folder and open it.',
  }),
  'case.open': method({
    input: z.object({ caseId: CaseId }).strict(),
    output: CaseInfo,
    audience: 'renderer',
    summary: 'Open a case the backend already knows (from case.list).',
  }),
  'case.close': method({
    input: Empty,
    output: Empty,
    audience: 'renderer',
    summary: 'Checkpoint and close the open case.',
  }),
  'case.current': method({
    input: Empty,
    output: CaseInfo.nullable(),
    audience: 'renderer',
    summary: 'The open case, if any.',
  }),
  'case.openSample': method({
    input: Empty,
    output: CaseInfo,
    audience: 'renderer',
    summary: 'Open the bundled sample case, building it from sample-data/ the first time.',
  }),
  'case.openPath': method({
    input: z.object({ path: AbsolutePath }).strict(),
    output: CaseInfo,
    audience: 'host',
    summary: 'Open a case file chosen in a native dialog or named on the command line.',
  }),
  'case.createAt': method({
    input: z.object({ path: AbsolutePath, name: CaseName }).strict(),
    output: CaseInfo,
    audience: 'host',
    summary: 'Create a case file at a path chosen in a native save dialog or on the command line.',
  }),
};
