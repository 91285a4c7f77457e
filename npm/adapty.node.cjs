// `adkit/adapty` for Node CommonJS: the Adapty module, its paginator made async-iterable.
const adapty = require('./pkg/adapty/adkit_adapty.node.cjs');
const { installPages } = require('./pkg/operations.cjs');

installPages(adapty.AdaptyPaginator);

module.exports = {
  AdaptyClient: adapty.AdaptyClient,
  AdaptyPaginator: adapty.AdaptyPaginator,
  AdaptyWebhookReceiver: adapty.AdaptyWebhookReceiver,
};
