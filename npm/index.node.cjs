// Node CommonJS entry: every vendor's module (each loaded once, shared with the ESM entry).
const adjust = require('./adjust.node.cjs');
const adapty = require('./adapty.node.cjs');
const admitad = require('./admitad.node.cjs');

module.exports = {
  AdjustClient: adjust.AdjustClient,
  ...adapty,
  ...admitad,
};
