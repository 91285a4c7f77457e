// Browser and bundler entry: instantiates the .wasm once (top-level await), then exports the clients.
import init, { AdjustClient } from './pkg/adkit_wasm.web.mjs';

await init({ module_or_path: new URL('./pkg/adkit_wasm_bg.wasm', import.meta.url) });

export { AdjustClient };
