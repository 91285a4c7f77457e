// Browser and bundler entry: instantiates both vendors' .wasm once (top-level await), then exports the
// clients. Import `adkit/adjust` or `adkit/adapty` to load only one of them.
import { AdjustClient } from './adjust.browser.mjs';
import { AdaptyClient, AdaptyWebhookReceiver } from './adapty.browser.mjs';

export { AdjustClient, AdaptyClient, AdaptyWebhookReceiver };
