import { verifyJournal } from '../modules/audit/index.js';
import { systemActor } from '../platform/usecase.js';
import { withRuntime } from './runtime.js';

/** `zanstat journal verify [--json]`: read-only; 1 when the chain is broken. */
export async function verifyJournalCommand(json: boolean): Promise<number> {
  const report = await withRuntime((rt) => verifyJournal(rt.deps, systemActor('cli'), undefined), {
    readOnly: true,
  });
  if (json) console.log(JSON.stringify(report));
  else if (report.ok)
    console.log(`the log journal is intact: ${report.checked} entries, last ${report.lastSeq}`);
  else
    console.log(
      `the log journal is BROKEN at entry ${report.firstBreak?.seq} (${report.firstBreak?.reason}); ${report.checked} entries checked`,
    );
  return report.ok ? 0 : 1;
}
