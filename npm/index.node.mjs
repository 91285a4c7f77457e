// Node ESM entry: the same module instance as `require('adkit')` (the CJS glue loads the .wasm
// synchronously from this package), re-exported by name.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const adkit = require('./pkg/adkit_wasm.node.cjs');

export const { AdjustClient } = adkit;
export default adkit;
