// Entry: find the admin token, build the client, render. Without a token there is nothing to show but
// how to get one.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readAdminAccess } from './api/admin-access';
import { createAdminClient } from './api/admin-client';
import { App } from './app';
import { NoToken } from './views/no-token';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/requests.css';
import './styles/detail.css';
import './styles/cards.css';
import './styles/overview.css';
import './styles/keys.css';
import './styles/cutover.css';
import './styles/compare.css';
import './styles/map.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

const access = readAdminAccess();
const client = access
  ? createAdminClient({ baseUrl: access.baseUrl, token: access.token, fetch: (input, init) => window.fetch(input, init) })
  : null;

createRoot(root).render(
  <StrictMode>{access && client ? <App client={client} bridge={access.bridge} /> : <NoToken />}</StrictMode>,
);
