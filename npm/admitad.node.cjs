// `adkit/admitad` for Node CommonJS: the Admitad module, with report paginators made async-iterable.
const admitad = require('./pkg/admitad/adkit_admitad.node.cjs');

async function* pages() {
  for (let page = await this.nextPage(); page !== undefined; page = await this.nextPage()) yield page;
}
for (const Paginator of [admitad.StatisticsPaginator, admitad.ProgramPaginator, admitad.CouponPaginator, admitad.AdmitadPaginator]) {
  Paginator.prototype[Symbol.asyncIterator] = pages;
}

module.exports = {
  AdmitadClient: admitad.AdmitadClient,
  StatisticsPaginator: admitad.StatisticsPaginator,
  ProgramPaginator: admitad.ProgramPaginator,
  CouponPaginator: admitad.CouponPaginator,
  AdmitadPaginator: admitad.AdmitadPaginator,
  parseAdmitadCallback: admitad.parseAdmitadCallback,
  verifyAdmitadSignedRequest: admitad.verifyAdmitadSignedRequest,
};
