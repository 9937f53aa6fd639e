// The parts of undici the index client uses (Agent, EnvHttpProxyAgent, buildConnector and the request API),
// loaded without the rest of the package: its index also loads fetch, WebSocket, caches and mock agents, about
// 1 MB of code whose load sat on the path of every run that asks an index anything. http.ts imports this
// module on its first request.
import api from 'undici/lib/api/index.js';
import buildConnector from 'undici/lib/core/connect.js';
import Agent from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';

// What undici's index does so that every dispatcher has request(): the API methods on the base class.
Object.assign(Dispatcher.prototype, api);

export { Agent, buildConnector, EnvHttpProxyAgent };
