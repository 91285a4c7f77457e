// `adkit/adapty` for Node ESM (the same instance as `require('adkit/adapty')`).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { AdaptyClient, AdaptyPaginator, AdaptyWebhookReceiver } = require('./adapty.node.cjs');
