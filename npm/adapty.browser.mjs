// `adkit/adapty` for browsers and bundlers: only the Adapty module. In a page use the public key.
import init, { AdaptyClient, AdaptyPaginator, AdaptyWebhookReceiver } from './pkg/adapty/adkit_adapty.web.mjs';
import { installOperations } from './operations.mjs';

await init({ module_or_path: new URL('./pkg/adapty/adkit_adapty_bg.wasm', import.meta.url) });
installOperations(AdaptyClient, AdaptyPaginator);

export { AdaptyClient, AdaptyPaginator, AdaptyWebhookReceiver };
