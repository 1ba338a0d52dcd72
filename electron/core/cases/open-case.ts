import { CaseDatabase } from '../db/case-db';
import { finishPendingIdentity } from '../ingest';

/**
 * Open a case file the way the workbench does: migrations, then any work an interrupted import
 * left for after its commit (identity resolution), so what the analyst sees is always whole.
 */
export async function openCase(path: string): Promise<CaseDatabase> {
  const db = await CaseDatabase.open(path);
  try {
    await finishPendingIdentity(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
