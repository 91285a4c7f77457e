// `adkit/admitad` for Node CommonJS: the Admitad module, with report paginators made async-iterable.
const admitad = require('./pkg/admitad/adkit_admitad.node.cjs');

admitad.StatisticsPaginator.prototype[Symbol.asyncIterator] = async function* pages() {
  for (let page = await this.nextPage(); page !== undefined; page = await this.nextPage()) yield page;
};

module.exports = {
  AdmitadClient: admitad.AdmitadClient,
  StatisticsPaginator: admitad.StatisticsPaginator,
  parseAdmitadCallback: admitad.parseAdmitadCallback,
  verifyAdmitadSignedRequest: admitad.verifyAdmitadSignedRequest,
};
