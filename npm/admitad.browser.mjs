// `adkit/admitad` for browsers and bundlers: only the Admitad module. In a page, build the
// authorization URL and check the callback; exchange the code on a server (it needs the client secret).
import init, {
  AdmitadClient, AdmitadPaginator, parseAdmitadCallback, verifyAdmitadSignedRequest,
} from './pkg/admitad/adkit_admitad.web.mjs';
import { installOperations } from './operations.mjs';

await init({ module_or_path: new URL('./pkg/admitad/adkit_admitad_bg.wasm', import.meta.url) });
installOperations(AdmitadClient, AdmitadPaginator);

export { AdmitadClient, AdmitadPaginator, parseAdmitadCallback, verifyAdmitadSignedRequest };
