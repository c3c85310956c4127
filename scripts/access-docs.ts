// `npm run docs:access`: writes docs/access.md (roles and organisations) from the code.
import { renderAccessDocs } from '../src/cli/access-docs.js';

process.stdout.write(await renderAccessDocs());
