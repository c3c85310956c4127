// The progress bar is for a person at a terminal: drawn there, over many files; never in a pipe.
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { progressBar } from './progress.js';

function stream(isTTY: boolean) {
  const out = Object.assign(new PassThrough(), { isTTY }) as unknown as NodeJS.WriteStream;
  const chunks: string[] = [];
  (out as unknown as PassThrough).on('data', (c: Buffer) => chunks.push(c.toString()));
  return { out, text: () => chunks.join('') };
}

it('draws a bar on a terminal, keeps a refusal above it, and ends full', async () => {
  const s = stream(true);
  const bar = progressBar(4, s.out)!;
  bar.step('a.xlsx');
  bar.step('b.xlsx');
  bar.say('[2/4] b.xlsx: refused — a reason');
  bar.step('c.xlsx');
  bar.step('d.xlsx');
  bar.done();
  await new Promise((r) => setImmediate(r));
  const text = s.text();
  expect(text).toContain('] 0/4 a.xlsx');
  expect(text).toContain('] 1/4 b.xlsx');
  expect(text).toContain('[2/4] b.xlsx: refused — a reason\n');
  expect(text).toContain(`[${'#'.repeat(24)}] 4/4`);
  expect(text.endsWith('\n')).toBe(true);
});

it('draws nothing in a pipe, nor for one file', () => {
  expect(progressBar(5, stream(false).out)).toBeNull();
  expect(progressBar(1, stream(true).out)).toBeNull();
});
