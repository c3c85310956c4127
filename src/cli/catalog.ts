import { UsageError } from './usage-error.js';
import path from 'node:path';
import { systemActor } from '../platform/usecase.js';
import { builtInCatalogDir, checkCatalogFolders, loadCatalogFolders } from '../modules/catalog/index.js';
import { withRuntime } from './runtime.js';

/** `zanstat catalog check [dir…]`: every problem of the folders, each with file and path. */
export async function catalogCheck(dirs: string[], json = false): Promise<number> {
  const folders = [builtInCatalogDir, ...dirs.map((d) => path.resolve(d))];
  if (!json) process.stderr.write(`checking ${folders.join(', ')}\n`);
  const problems = await checkCatalogFolders(folders);
  if (json) {
    console.log(JSON.stringify({ folders, valid: problems.length === 0, problems }));
    return problems.length ? 1 : 0;
  }
  for (const p of problems) {
    const at = p.line ? `:${p.line}:${p.column ?? 1}` : '';
    console.log(`${p.file}${at} ${p.pointer || '/'}: ${p.message}`);
  }
  console.log(problems.length ? `${problems.length} problem(s)` : 'the catalogue is valid');
  return problems.length ? 1 : 0;
}

/** `zanstat catalog load <dir>`: a new act's folder, checked with the built-in catalogue, loaded. */
export async function catalogLoad(dir: string | undefined, json = false): Promise<number> {
  if (!dir) throw new UsageError('zanstat catalog load <dir>');
  const r = await withRuntime((rt) =>
    loadCatalogFolders(rt.deps, systemActor('cli'), { dirs: [builtInCatalogDir, path.resolve(dir)] }),
  );
  if (json) {
    const { added, changed, unchanged, keptAdmin, revision } = r;
    console.log(JSON.stringify({ added, changed, unchanged, keptAdmin, revision }));
    return 0;
  }
  console.log(
    `catalogue loaded: ${r.added} added, ${r.changed} changed, ${r.unchanged} unchanged, ${r.keptAdmin} kept as the admin set them (revision ${r.revision})`,
  );
  console.log(`to load it at every start too, add it to CATALOG_EXTRA_DIRS`);
  return 0;
}
