// `adkit/adapty` for Node ESM (the same instance as `require('adkit/adapty')`).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { AdaptyClient, AdaptyWebhookReceiver } = require('./pkg/adapty/adkit_adapty.node.cjs');
