// `adkit/admitad` for Node ESM (the same instance as `require('adkit/admitad')`).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { AdmitadClient, AdmitadPaginator, parseAdmitadCallback,
  verifyAdmitadSignedRequest } =
  require('./admitad.node.cjs');
