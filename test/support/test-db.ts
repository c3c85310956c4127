import { inject } from 'vitest';
import { createKysely, ensureDatabase, type Db } from '../../src/platform/db/index.js';

let counter = 0;

/** A fresh, migrated database cloned from the run's template: each test file has its own. */
export async function createTestDatabase(): Promise<{ db: Db; url: string; name: string }> {
  const name = `zt_${inject('runId')}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const url = await ensureDatabase(inject('serverUrl'), name, inject('templateDb'));
  const { db } = createKysely(url, 5);
  return { db, url, name };
}
