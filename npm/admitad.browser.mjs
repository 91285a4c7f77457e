// `adkit/admitad` for browsers and bundlers: only the Admitad module. In a page, build the
// authorization URL and check the callback; exchange the code on a server (it needs the client secret).
import init, {
  AdmitadClient, StatisticsPaginator, ProgramPaginator, CouponPaginator, AdmitadPaginator, parseAdmitadCallback,
  verifyAdmitadSignedRequest,
} from './pkg/admitad/adkit_admitad.web.mjs';

await init({ module_or_path: new URL('./pkg/admitad/adkit_admitad_bg.wasm', import.meta.url) });

async function* pages() {
  for (let page = await this.nextPage(); page !== undefined; page = await this.nextPage()) yield page;
}
for (const Paginator of [StatisticsPaginator, ProgramPaginator, CouponPaginator, AdmitadPaginator]) {
  Paginator.prototype[Symbol.asyncIterator] = pages;
}

export {
  AdmitadClient, StatisticsPaginator, ProgramPaginator, CouponPaginator, AdmitadPaginator, parseAdmitadCallback,
  verifyAdmitadSignedRequest,
};
