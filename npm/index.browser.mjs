// Browser and bundler entry: instantiates every vendor's .wasm once (top-level await), then exports the
// clients. Import `adkit/adjust`, `adkit/adapty` or `adkit/admitad` to load only one.
import { AdjustClient } from './adjust.browser.mjs';
import { AdaptyClient, AdaptyPaginator, AdaptyWebhookReceiver } from './adapty.browser.mjs';
import {
  AdmitadClient, AdmitadPaginator, parseAdmitadCallback,
  verifyAdmitadSignedRequest,
} from './admitad.browser.mjs';

export {
  AdjustClient, AdaptyClient, AdaptyPaginator, AdaptyWebhookReceiver,
  AdmitadClient, AdmitadPaginator, parseAdmitadCallback,
  verifyAdmitadSignedRequest,
};
