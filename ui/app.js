// The embargo workbench: one page over the service's HTTP API (the same
// endpoints scripts call, documented in /openapi.json), with the user's API
// key in the Authorization header. Each page is a module; this one routes
// the address (#/screen, #/alerts, #/alerts/ID, #/entity/ID, #/versions,
// #/versions/ID, #/gaps, #/screenings, #/audit, #/login) to it.
import { refreshWho, session } from './core.js';
import { renderAlert, renderAlerts } from './alerts.js';
import { renderAudit, renderScreenings } from './audit.js';
import { renderEntity, renderGaps, renderVersionDiff, renderVersions } from './lists.js';
import { renderLogin } from './login.js';
import { renderScreen } from './screen.js';

async function route() {
  const [page, arg] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('current', a.dataset.page === (page || 'screen'));
    if (a.dataset.page === (page || 'screen')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (page === 'login' || (!session.who && page !== 'login')) return renderLogin();
  if (page === 'alerts' && arg) return renderAlert(arg);
  if (page === 'alerts') return renderAlerts();
  if (page === 'entity' && arg) return renderEntity(arg);
  if (page === 'versions' && arg) return renderVersionDiff(arg);
  if (page === 'versions') return renderVersions();
  if (page === 'gaps') return renderGaps(arg || 'DPRK');
  if (page === 'screenings') return renderScreenings();
  if (page === 'audit') return renderAudit();
  return renderScreen();
}

window.addEventListener('hashchange', route);
refreshWho().then(route);
