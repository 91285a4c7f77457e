// `adkit/adjust` for browsers and bundlers: only the Adjust module.
import init, { AdjustClient } from './pkg/adjust/adkit_adjust.web.mjs';
import { installOperations } from './operations.mjs';

await init({ module_or_path: new URL('./pkg/adjust/adkit_adjust_bg.wasm', import.meta.url) });
installOperations(AdjustClient);

export { AdjustClient };
