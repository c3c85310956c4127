#!/usr/bin/env node
// The `zanstat` command of a checkout (`npx zanstat`): src/main.ts, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
