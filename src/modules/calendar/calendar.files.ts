import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CalendarLoadError } from './calendar.errors.js';
import { buildCalendarFromFiles, type CalendarSourceFile } from './calendar.loader.js';
import type { WorkingCalendar } from './working-calendar.js';

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Reads every file of a calendar folder (catalog/calendar/) for `buildCalendarFromFiles`. */
export async function readCalendarFiles(directory: string): Promise<CalendarSourceFile[]> {
  const paths = await listFiles(directory);
  return Promise.all(
    paths.map(async (path) => ({
      path: relative(directory, path).split(sep).join('/'),
      text: await readFile(path, 'utf8'),
    })),
  );
}

/**
 * Loads and validates a calendar folder; throws `CalendarLoadError` listing every problem, each
 * named by its file (as `directoryLabel/…`) and the JSON pointer inside it.
 */
export async function loadCalendarDirectory(
  directory: string,
  directoryLabel = directory,
): Promise<WorkingCalendar> {
  const files = await readCalendarFiles(directory);
  const result = buildCalendarFromFiles(files, (path) => `${directoryLabel}/${path}`);
  if (!result.ok) throw new CalendarLoadError(result.problems);
  return result.calendar;
}
