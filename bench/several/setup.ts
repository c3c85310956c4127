// The store the instances share, made before they start: migrated, the catalogue loaded, the real
// 1-М (the shipped figures) loaded and published. The other shipped forms are left for the
// worker, whose start-up job loads and publishes them while the web instances serve: the
// publication whose arrival on every instance is timed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openRuntime } from '../../src/cli/runtime.js';
import { systemActor } from '../../src/platform/usecase.js';
import { publishShippedFigures } from '../../src/modules/publishing/index.js';
import { loadShippedFigures, shippedFiguresDir } from '../../src/modules/statistics/index.js';

const rt = await openRuntime('owner', 'warn');
const seed = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-bench-seed-'));
await fs.copyFile(path.join(shippedFiguresDir, '1-m.csv.gz'), path.join(seed, '1-m.csv.gz'));
await loadShippedFigures(rt.deps, seed);
await publishShippedFigures(rt.deps, systemActor('bench'), undefined);
await fs.rm(seed, { recursive: true, force: true });
await rt.database.close();
