// `adkit/adapty` for Node CommonJS: the Adapty module, its named methods installed and its paginator made async-iterable.
const adapty = require('./pkg/adapty/adkit_adapty.node.cjs');
const { installOperations } = require('./pkg/operations.cjs');

installOperations(adapty.AdaptyClient, adapty.AdaptyPaginator);

module.exports = {
  AdaptyClient: adapty.AdaptyClient,
  AdaptyPaginator: adapty.AdaptyPaginator,
  AdaptyWebhookReceiver: adapty.AdaptyWebhookReceiver,
};
