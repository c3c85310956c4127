// docs/access.md is made from the code: the roles' rights from every use case's policy, the
// organisations and the reports they file from the catalogue.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { renderAccessDocs } from '../src/cli/access-docs.js';

it('docs/access.md is current (npm run docs:access)', async () => {
  const doc = await renderAccessDocs();
  expect(fs.readFileSync('docs/access.md', 'utf8'), 'run npm run docs:access').toBe(doc);
  // the organisation the README's token example uses files the form it submits
  expect(doc).toMatch(/\| `ministry-of-internal-affairs` \|[^\n]*ТМД-1 \(all regions\)/);
  expect(doc).toMatch(/\| statistics: submit figures \| — \| yes \| yes \| yes \|/);
}, 60_000); // it imports every module, which takes long on a busy machine
