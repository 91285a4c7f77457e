// Installs a client's named methods from the operations its wasm module declares (one row per
// endpoint in the Rust core, method names included): `client.balance(request, options)` calls
// `callOperation('balance', …)`; an Admitad list also gets `xxxPages(request, options)`
// (async-iterable) and `collectXxx(request, cap, options)`; an Adapty or Adjust method takes the
// endpoint's fields in order, then the options (`client.getProfile(user, options)`).
// The TypeScript declarations of the same methods are generated from the same rows.
async function* pages() {
  for (let page = await this.nextPage(); page !== undefined; page = await this.nextPage()) yield page;
}

// Makes a paginator class async-iterable (`for await (const page of client.paywallsPages())`).
export function installPages(Paginator) {
  Paginator.prototype[Symbol.asyncIterator] = pages;
}

export function installOperations(Client, Paginator) {
  const define = (name, value) => Object.defineProperty(Client.prototype, name, { value, writable: true, configurable: true });
  for (const [op, kind, name, pagesName, collectName, arity] of Client.operations()) {
    if (kind === 'args') {
      // Adapty and Adjust: the endpoint's fields in order (or its request record), then the options.
      define(name, function (...args) { return this.callOperation(op, args.slice(0, arity), args[arity]); });
      continue;
    }
    if (kind === 'unit') {
      define(name, function (options) { return this.callOperation(op, undefined, options); });
      continue;
    }
    define(name, function (request, options) { return this.callOperation(op, request, options); });
    if (kind === 'list') {
      define(pagesName, function (request, options) { return this.operationPages(op, request, options); });
      define(collectName, function (request, cap, options) {
        return this.collectOperation(op, request, cap, options);
      });
    }
  }
  if (Paginator) installPages(Paginator);
}
