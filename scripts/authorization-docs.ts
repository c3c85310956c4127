// `npm run docs:authorization`: writes docs/authorization.md (the route × role matrix).
import { renderAuthorizationDocs } from '../src/cli/authorization-docs.js';

process.stdout.write(renderAuthorizationDocs());
