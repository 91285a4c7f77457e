// `adkit/admitad` for Node CommonJS: the Admitad module with its named methods installed.
const admitad = require('./pkg/admitad/adkit_admitad.node.cjs');
const { installOperations } = require('./pkg/operations.cjs');

installOperations(admitad.AdmitadClient, admitad.AdmitadPaginator);

module.exports = {
  AdmitadClient: admitad.AdmitadClient,
  AdmitadPaginator: admitad.AdmitadPaginator,
  parseAdmitadCallback: admitad.parseAdmitadCallback,
  verifyAdmitadSignedRequest: admitad.verifyAdmitadSignedRequest,
};
