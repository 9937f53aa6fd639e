// The part of undici the index client uses through a proxy (EnvHttpProxyAgent and the request API), loaded
// without the rest of the package: its index also loads fetch, WebSocket, caches and mock agents, about 1 MB
// of code. http.ts imports this module on the first request through a proxy; direct requests use Node's http.
import api from 'undici/lib/api/index.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';

// What undici's index does so that every dispatcher has request(): the API methods on the base class.
Object.assign(Dispatcher.prototype, api);

export { EnvHttpProxyAgent };
