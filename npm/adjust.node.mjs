// `adkit/adjust` for Node ESM (the same instance as `require('adkit/adjust')`).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { AdjustClient } = require('./adjust.node.cjs');
