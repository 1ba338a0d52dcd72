/**
 * Child of the kill test: opens the case, imports one file, prints "committed <importId>" once
 * the transaction is durable. The parent SIGKILLs it at random points.
 */
import { CaseDatabase } from '../../electron/core/db/case-db';
import { importEvidence } from '../../electron/core/ingest';

const [casePath, file] = process.argv.slice(2);
const db = await CaseDatabase.open(casePath!);
process.stdout.write('started\n');
const result = await importEvidence(db, [file!]);
process.stdout.write(`committed ${String(result.importId)}\n`);
await db.close();
