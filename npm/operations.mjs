// Installs a client's named methods from the operations its wasm module declares (one row per
// endpoint in the Rust core): `client.balance(request, options)` calls `callOperation('balance', …)`;
// a list also gets `xxxPages(request, options)` (async-iterable) and `collectXxx(request, cap, options)`.
// The TypeScript declarations of the same methods are generated from the same rows.
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

async function* pages() {
  for (let page = await this.nextPage(); page !== undefined; page = await this.nextPage()) yield page;
}

export function installOperations(Client, Paginator) {
  const define = (name, value) => Object.defineProperty(Client.prototype, name, { value, writable: true, configurable: true });
  for (const [op, kind] of Client.operations()) {
    const name = camel(op);
    if (kind === 'unit') {
      define(name, function (options) { return this.callOperation(op, undefined, options); });
      continue;
    }
    define(name, function (request, options) { return this.callOperation(op, request, options); });
    if (kind === 'list') {
      define(`${name}Pages`, function (request, options) { return this.operationPages(op, request, options); });
      define(`collect${name[0].toUpperCase()}${name.slice(1)}`, function (request, cap, options) {
        return this.collectOperation(op, request, cap, options);
      });
    }
  }
  Paginator.prototype[Symbol.asyncIterator] = pages;
}
