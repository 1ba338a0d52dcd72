import { datasetDigest } from '../../bundle/digest';
import { exportBundle } from '../../bundle/export';
import { openBundle } from '../../bundle/open';
import type { BackendContext } from '../context';
import type { Handlers } from '../router';
import { userErrors } from './report';

type BundleHandlers = Pick<Handlers, 'bundle.digest' | 'bundle.export' | 'bundle.open'>;

export function bundleHandlers({ session }: BackendContext): BundleHandlers {
  return {
    'bundle.digest': () => datasetDigest(session.require().connection),
    'bundle.export': ({ path }) =>
      userErrors(async () => {
        const r = await exportBundle(session.require(), path);
        return { path: r.path, bytes: r.bytes, sha256: r.sha256, datasetDigest: r.manifest.datasetDigest.digest };
      }),
    'bundle.open': async ({ bundlePath, casePath }) => {
      const r = await openBundle(session, bundlePath, casePath);
      return { case: r.case, recordedDigest: r.manifest.datasetDigest.digest, datasetDigest: r.datasetDigest.digest, digestMatches: r.digestMatches, differingTables: r.differingTables };
    },
  };
}
