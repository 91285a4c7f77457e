// `adkit/adjust` for Node CommonJS: the Adjust module with its named methods installed.
const adjust = require('./pkg/adjust/adkit_adjust.node.cjs');
const { installOperations } = require('./pkg/operations.cjs');

installOperations(adjust.AdjustClient);

module.exports = { AdjustClient: adjust.AdjustClient };
