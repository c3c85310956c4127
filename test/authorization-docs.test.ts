// docs/authorization.md is made from the route × role matrix (src/authorization.ts).
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { renderAuthorizationDocs } from '../src/cli/authorization-docs.js';

it('docs/authorization.md is current (npm run docs:authorization)', () => {
  const doc = renderAuthorizationDocs();
  expect(fs.readFileSync('docs/authorization.md', 'utf8'), 'run npm run docs:authorization').toBe(doc);
  expect(doc).toContain('| `POST /api/v1/admin/users` | — | yes | — | — | — | — |');
});
