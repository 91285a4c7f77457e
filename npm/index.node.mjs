// Node ESM entry: the same module instances as `require('adkit')` (the CJS glue loads each .wasm
// synchronously from this package), re-exported by name.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const adkit = require('./index.node.cjs');

export const {
  AdjustClient, AdaptyClient, AdaptyPaginator, AdaptyWebhookReceiver,
  AdmitadClient, AdmitadPaginator, parseAdmitadCallback,
  verifyAdmitadSignedRequest,
} = adkit;
export default adkit;
