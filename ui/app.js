// The embargo workbench: one page over the service's HTTP API (the same
// endpoints scripts call, documented in /openapi.json), with the user's API
// key in the Authorization header. Pages: #/screen, #/alerts, #/alerts/ID,
// #/entity/ID, #/audit, #/login. Every text from the server is set as text
// (never parsed as HTML).
'use strict';

const session = {
  key: sessionStorage.getItem('embargo.key') || '',
  who: null, // {user, role, monitoring}
};
const ROLES = ['viewer', 'analyst', 'reviewer', 'admin'];

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(method, path, body) {
  const headers = {};
  if (session.key) headers.Authorization = 'ApiKey ' + session.key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, (data && data.detail) || res.statusText);
  return { status: res.status, data };
}

// h('td', {class: 'num'}, 'text', child...): an element; strings become text.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const main = () => document.getElementById('main');

function show(title, ...content) {
  document.title = title + ' · embargo';
  const m = main();
  m.replaceChildren(h('h1', {}, title), ...content);
  m.focus();
}

function notice(kind, text) {
  return h('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}

function can(role) {
  return session.who && ROLES.indexOf(session.who.role) >= ROLES.indexOf(role);
}

function scoreBadge(score, hit) {
  return h('span', { class: 'score' + (hit ? ' hit' : '') }, Number(score).toFixed(3));
}

function values(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function definitionList(pairs) {
  const dl = h('dl');
  for (const [term, value] of pairs) {
    const text = values(value);
    if (text === '') continue;
    dl.append(h('dt', {}, term), h('dd', {}, text));
  }
  return dl;
}

// ---- session ----

async function refreshWho() {
  try {
    session.who = (await api('GET', '/whoami')).data;
  } catch (e) {
    session.who = null;
  }
  const who = document.getElementById('who');
  if (session.who) {
    who.replaceChildren(
      h('span', { id: 'who-name' }, `${session.who.user} (${session.who.role})`),
      h('button', { class: 'secondary', type: 'button', onclick: signOut }, 'Sign out'),
    );
  } else {
    who.replaceChildren(h('a', { href: '#/login' }, 'Sign in'));
  }
}

function signOut() {
  session.key = '';
  sessionStorage.removeItem('embargo.key');
  refreshWho().then(() => (location.hash = '#/login'));
}

function renderLogin(message) {
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { class: 'bar', onsubmit: signIn },
    h('label', { for: 'key' }, 'API key', input),
    h('button', { type: 'submit', id: 'sign-in' }, 'Sign in'),
  );
  async function signIn(event) {
    event.preventDefault();
    session.key = input.value.trim();
    try {
      session.who = (await api('GET', '/whoami')).data;
      sessionStorage.setItem('embargo.key', session.key);
      await refreshWho();
      location.hash = '#/alerts';
    } catch (e) {
      session.key = '';
      renderLogin(e.status === 401 ? 'That key is not valid.' : e.message);
    }
  }
  show(
    'Sign in',
    message ? notice('error', message) : '',
    h('p', { class: 'muted' }, 'Your API key names you and your role; what you decide is recorded under that name.'),
    form,
  );
  input.focus();
}

// ---- explanation ----

function explanationView(e) {
  if (!e) return h('p', { class: 'muted' }, 'No explanation recorded.');
  const alignment = h(
    'table',
    { class: 'alignment' },
    h('caption', { class: 'muted' }, `Name parts: '${e.query_name || ''}' against '${e.matched_name || ''}'`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'query'), h('th', { scope: 'col' }, 'listed'),
      h('th', { scope: 'col' }, 'how'), h('th', { scope: 'col', class: 'num' }, 'similarity'))),
    h('tbody', {},
      (e.alignment || []).map((a) => h('tr', {}, h('td', {}, a.query), h('td', {}, a.candidate),
        h('td', {}, a.kind), h('td', { class: 'num' }, Number(a.similarity).toFixed(2)))),
      (e.unmatched_query || []).map((t) => h('tr', {}, h('td', {}, t), h('td', { class: 'muted' }, '—'),
        h('td', { class: 'muted' }, 'not in the listed name'), h('td', {}))),
      (e.unmatched_candidate || []).map((t) => h('tr', {}, h('td', { class: 'muted' }, '—'), h('td', {}, t),
        h('td', { class: 'muted' }, 'not in the query'), h('td', {})))),
  );
  const features = h(
    'table',
    { class: 'features' },
    h('caption', { class: 'muted' }, 'What made the score'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'feature'), h('th', { scope: 'col', class: 'num' }, 'contribution'),
      h('th', { scope: 'col' }, 'detail'))),
    h('tbody', {}, (e.features || []).map((f) => h('tr', {}, h('td', {}, f.feature),
      h('td', { class: 'num' }, (f.value > 0 ? '+' : '') + Number(f.value).toFixed(3)), h('td', {}, f.detail)))),
  );
  return h('div', { class: 'explanation' }, alignment, h('p'), features);
}

const ENTITY_FIELDS = [
  ['name', 'Names'], ['alias', 'Aliases'], ['weakAlias', 'Weak aliases'], ['birthDate', 'Born'],
  ['birthPlace', 'Birth place'], ['nationality', 'Nationality'], ['citizenship', 'Citizenship'],
  ['country', 'Countries'], ['jurisdiction', 'Jurisdiction'], ['gender', 'Gender'],
  ['idNumber', 'Identifiers'], ['passportNumber', 'Passports'], ['imoNumber', 'IMO'],
  ['swiftBic', 'BIC'], ['registrationNumber', 'Registration'], ['program', 'Programmes'],
  ['programId', 'Programme ids'], ['notes', 'Remarks'], ['address', 'Addresses'],
];

function entityDetails(entity, extra) {
  const p = entity.properties || {};
  const pairs = [['Id', entity.id], ['Schema', entity.schema], ['Lists', entity.datasets]];
  for (const [prop, label] of ENTITY_FIELDS) if (p[prop]) pairs.push([label, p[prop]]);
  return definitionList(pairs.concat(extra || []));
}

// ---- screen ----

function renderScreen() {
  const name = h('input', { id: 'screen-name', required: true, size: 32 });
  const schema = h('select', { id: 'screen-schema' },
    ['Person', 'Organization', 'Company', 'Vessel', 'LegalEntity'].map((s) => h('option', {}, s)));
  const birth = h('input', { id: 'screen-birth', placeholder: 'YYYY-MM-DD', size: 12 });
  const country = h('input', { id: 'screen-country', placeholder: 'kp, Iran ...', size: 12 });
  const results = h('div', { id: 'screen-results', 'aria-live': 'polite' });
  async function run(event) {
    event.preventDefault();
    const properties = { name: [name.value] };
    if (birth.value) properties.birthDate = [birth.value];
    if (country.value) properties[schema.value === 'Person' ? 'nationality' : 'country'] = [country.value];
    results.replaceChildren(h('p', { class: 'muted' }, 'Screening…'));
    try {
      const { data } = await api('POST', '/match/default?limit=10', {
        queries: { q: { schema: schema.value, properties } },
      });
      const answer = data.responses.q;
      if (answer.status && answer.status !== 200) throw new ApiError(answer.status, answer.detail);
      const hits = answer.results || [];
      if (hits.length === 0) {
        results.replaceChildren(notice('ok', 'No listed entity scores at or above the cutoff.'));
        return;
      }
      results.replaceChildren(...hits.map((r, i) => h('details', { class: 'result card', open: i === 0 },
        h('summary', {}, h('span', { class: 'bar-row' }, scoreBadge(r.score, r.match),
          h('strong', {}, r.caption), h('span', { class: 'muted' }, `${r.schema} · ${values(r.datasets)}`),
          r.match ? h('span', { class: 'pill true_match' }, 'alert') : '')),
        h('div', { class: 'side' },
          h('div', {}, h('h2', {}, 'Listed entity'), entityDetails(r),
            h('p', {}, h('a', { href: '#/entity/' + encodeURIComponent(r.id) }, 'Entity page'))),
          h('div', {}, h('h2', {}, 'Why'), explanationView(r.explanation))))));
    } catch (e) {
      results.replaceChildren(notice('error', e.message));
    }
  }
  const message = h('textarea', { id: 'payment-message', rows: 8, cols: 70, spellcheck: 'false' });
  const verdict = h('div', { id: 'payment-results', 'aria-live': 'polite' });
  async function screenPayment(event) {
    event.preventDefault();
    verdict.replaceChildren(h('p', { class: 'muted' }, 'Screening…'));
    try {
      const res = await fetch('/payments/screen', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'text/plain' }, session.key ? { Authorization: 'ApiKey ' + session.key } : {}),
        body: message.value,
      });
      const data = await res.json();
      if (!res.ok) throw new ApiError(res.status, data.detail || res.statusText);
      verdict.replaceChildren(
        notice(data.decision === 'hold' ? 'error' : 'ok', data.decision === 'hold' ? 'Hold: a party, agent, code or place hits.' : 'Pass: nothing hits.'),
        ...data.messages.map((m) => h('div', { class: 'card' },
          h('h2', {}, `${m.type} ${m.id || ''} · ${m.amount || ''} ${m.currency || ''} · ${m.decision}`),
          m.hits.length === 0 ? h('p', { class: 'muted' }, 'No hits.') : h('table', { class: 'payment-hits' },
            h('thead', {}, h('tr', {}, ['Field', 'Role', 'What', 'Score', 'Listed', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, m.hits.map((hit) => h('tr', {}, h('td', { class: 'mono' }, hit.path), h('td', {}, hit.role),
              h('td', {}, hit.text), h('td', { class: 'num' }, Number(hit.score).toFixed(3)),
              h('td', {}, hit.entity ? h('a', { href: '#/entity/' + encodeURIComponent(hit.entity.id) }, hit.entity.caption) : ''),
              h('td', {}, hit.detail))))))));
    } catch (e) {
      verdict.replaceChildren(notice('error', e.message));
    }
  }
  show('Screen a name',
    h('form', { class: 'bar', onsubmit: run },
      h('label', { for: 'screen-name' }, 'Name (any script)', name),
      h('label', { for: 'screen-schema' }, 'Type', schema),
      h('label', { for: 'screen-birth' }, 'Birth date', birth),
      h('label', { for: 'screen-country' }, 'Nationality or country', country),
      h('button', { type: 'submit', id: 'screen-go' }, 'Screen')),
    results,
    h('h2', {}, 'Screen a payment message'),
    h('form', { class: 'bar', onsubmit: screenPayment },
      h('label', { for: 'payment-message' }, 'ISO 20022 XML (pacs.008, pacs.009, pain.001) or SWIFT MT (MT103, MT202)', message),
      h('button', { type: 'submit', id: 'payment-go' }, 'Screen message')),
    verdict);
  name.focus();
}

// ---- alerts ----

const alertsView = { sort: 'score', descending: true, rows: [], generation: 0, selected: new Set() };

function stateOf(a) {
  if (!a.live) return 'closed';
  return a.pending_review ? 'pending' : 'live';
}

function ageDays(iso) {
  const days = (Date.now() - Date.parse(iso)) / 86400000;
  return Number.isFinite(days) ? Math.max(0, Math.floor(days)) : '';
}

async function renderAlerts() {
  const status = h('select', { id: 'filter-status' },
    ['', 'open', 'escalated', 'true_match', 'false_positive'].map((s) => h('option', { value: s }, s || 'any')));
  const customer = h('input', { id: 'filter-customer', size: 12 });
  const minScore = h('input', { id: 'filter-score', type: 'number', min: 0, max: 1, step: 0.01, size: 5 });
  const list = h('input', { id: 'filter-list', size: 14 });
  const pending = h('input', { id: 'filter-pending', type: 'checkbox' });
  const closed = h('input', { id: 'filter-closed', type: 'checkbox' });
  const table = h('div', { id: 'alerts-table', 'aria-live': 'polite' });
  async function load(event) {
    if (event) event.preventDefault();
    const q = new URLSearchParams({ limit: '1000', brief: 'true' });
    if (status.value) q.set('status', status.value);
    if (customer.value) q.set('customer', customer.value);
    if (pending.checked) q.set('pending', 'true');
    if (closed.checked) q.set('all', 'true');
    try {
      const { data } = await api('GET', '/alerts?' + q);
      const min = minScore.value === '' ? 0 : Number(minScore.value);
      alertsView.rows = data.results.filter((a) => a.score >= min &&
        (list.value === '' || a.dataset.includes(list.value)));
      drawAlerts(table);
    } catch (e) {
      table.replaceChildren(notice('error', e.message));
    }
  }
  const bulk = can('analyst') ? bulkForm(load) : '';
  show('Alerts',
    h('form', { class: 'bar', onsubmit: load },
      h('label', { for: 'filter-status' }, 'Status', status),
      h('label', { for: 'filter-customer' }, 'Customer id', customer),
      h('label', { for: 'filter-score' }, 'Score at least', minScore),
      h('label', { for: 'filter-list' }, 'List', list),
      h('label', { class: 'check', for: 'filter-pending' }, pending, 'waiting for a reviewer'),
      h('label', { class: 'check', for: 'filter-closed' }, closed, 'closed too'),
      h('button', { type: 'submit', id: 'filter-go' }, 'Filter')),
    h('p'), table, bulk);
  await load();
}

// One decision for every selected alert (identical false positives: the
// same namesake on many customers), each recorded as its own decision and
// held by four-eyes where a single one would be.
function bulkForm(reload) {
  const status = h('select', { id: 'bulk-status' },
    ['false_positive', 'true_match', 'escalated'].map((s) => h('option', { value: s }, s)));
  const note = h('textarea', { id: 'bulk-note', required: true });
  const result = h('div', { id: 'bulk-result', 'aria-live': 'polite' });
  async function decide(event) {
    event.preventDefault();
    const ids = [...alertsView.selected];
    if (ids.length === 0) {
      result.replaceChildren(notice('error', 'Select the alerts to decide first.'));
      return;
    }
    let recorded = 0, held = 0;
    const failures = [];
    for (const id of ids) {
      try {
        const r = await api('POST', `/alerts/${id}/decision`, { status: status.value, note: note.value });
        if (r.status === 202) held += 1;
        else recorded += 1;
      } catch (e) {
        failures.push(`alert ${id}: ${e.message}`);
      }
    }
    alertsView.selected.clear();
    await reload();
    result.replaceChildren(
      notice(failures.length ? 'error' : 'ok',
        `${recorded} decided, ${held} waiting for a reviewer (four-eyes)` + (failures.length ? `, ${failures.length} failed` : '') + '.'),
      failures.length ? h('ul', {}, failures.map((f) => h('li', {}, f))) : '');
  }
  return h('div', {}, h('h2', {}, 'Decide the selected alerts'),
    h('form', { class: 'bar', id: 'bulk', onsubmit: decide },
      h('label', { for: 'bulk-status' }, 'Decision', status),
      h('label', { for: 'bulk-note' }, 'Why (required; the same note on each)', note),
      h('button', { type: 'submit', id: 'bulk-go' }, 'Decide selected')),
    result);
}

const ALERT_COLUMNS = [
  ['id', 'Alert', (a) => a.id, 'num'],
  ['customer', 'Customer', (a) => a.customer],
  ['customer_name', 'Customer name', (a) => a.customer_name],
  ['listed', 'Listed as', (a) => a.matched_name || a.entity_id],
  ['dataset', 'List', (a) => a.dataset],
  ['score', 'Score', (a) => a.score, 'num'],
  ['status', 'Status', (a) => a.status],
  ['state', 'State', stateOf],
  ['age', 'Age (days)', (a) => ageDays(a.created_at), 'num'],
];

function drawAlerts(container) {
  const column = ALERT_COLUMNS.find((c) => c[0] === alertsView.sort) || ALERT_COLUMNS[5];
  const rows = alertsView.rows.slice().sort((x, y) => {
    const a = column[2](x), b = column[2](y);
    const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return alertsView.descending ? -order : order;
  });
  const selectable = can('analyst');
  const head = h('tr', {}, selectable ? h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Select')) : '',
    ALERT_COLUMNS.map(([key, label, , cls]) => h('th', {
    scope: 'col', class: [cls, 'col-' + key].filter(Boolean).join(' '),
    'aria-sort': key === alertsView.sort ? (alertsView.descending ? 'descending' : 'ascending') : undefined,
  }, h('button', {
    class: 'sort', type: 'button', onclick: () => {
      alertsView.descending = key === alertsView.sort ? !alertsView.descending : key === 'score';
      alertsView.sort = key;
      drawAlerts(container);
    },
  }, label))));
  const body = document.createElement('tbody');
  const row = (a) => {
    const open = () => (location.hash = '#/alerts/' + a.id);
    const state = stateOf(a);
    const pick = selectable && a.live && !a.pending_review ? h('input', {
      type: 'checkbox', class: 'pick', 'aria-label': `select alert ${a.id}`, checked: alertsView.selected.has(a.id),
      onclick: (e) => e.stopPropagation(),
      onchange: (e) => { if (e.target.checked) alertsView.selected.add(a.id); else alertsView.selected.delete(a.id); },
    }) : '';
    return h('tr', { class: 'clickable', tabindex: 0, onclick: open, onkeydown: (e) => e.key === 'Enter' && e.target === e.currentTarget && open() },
      selectable ? h('td', {}, pick) : '',
      h('td', { class: 'num' }, h('a', { href: '#/alerts/' + a.id }, String(a.id))),
      h('td', {}, a.customer), h('td', {}, a.customer_name),
      h('td', {}, ALERT_COLUMNS[3][2](a)), h('td', {}, a.dataset),
      h('td', { class: 'num' }, scoreBadge(a.score, false)), h('td', {}, a.status),
      h('td', {}, h('span', { class: 'pill ' + state }, state)), h('td', { class: 'num' }, String(ageDays(a.created_at))));
  };
  container.replaceChildren(
    h('p', { class: 'muted', id: 'alerts-count' }, `${rows.length} alert${rows.length === 1 ? '' : 's'}`),
    h('table', { id: 'alerts' }, h('thead', {}, head), body));
  // The first screenful at once, the rest in chunks after each paint, so a
  // long queue shows without waiting for its last row. The marks
  // (alerts-first-rows, alerts-all-rows) time it (bench/workbench_queue.sh).
  const drawn = ++alertsView.generation;
  const append = (from) => {
    if (drawn !== alertsView.generation) return; // re-sorted or re-filtered meanwhile
    const fragment = document.createDocumentFragment();
    for (const a of rows.slice(from, from + 100)) fragment.append(row(a));
    body.append(fragment);
    if (from + 100 < rows.length) {
      requestAnimationFrame(() => {
        if (from === 0) performance.mark('alerts-first-rows');
        setTimeout(() => append(from + 100));
      });
    } else {
      requestAnimationFrame(() => {
        if (from === 0) performance.mark('alerts-first-rows');
        performance.mark('alerts-all-rows');
        body.dataset.complete = 'true';
      });
    }
  };
  append(0);
}

async function renderAlert(id) {
  let alert;
  try {
    alert = (await api('GET', '/alerts/' + encodeURIComponent(id))).data;
  } catch (e) {
    show('Alert ' + id, notice('error', e.message));
    return;
  }
  let entity = null;
  try {
    entity = (await api('GET', '/entities/' + encodeURIComponent(alert.entity_id))).data;
  } catch (e) {
    entity = null;
  }
  const record = alert.customer_record || {};
  const customerCard = h('div', { class: 'card', id: 'customer-card' }, h('h2', {}, 'Customer'),
    definitionList([['Id', alert.customer], ['Names', record.names || alert.customer_name],
      ['Type', record.schema], ['Born', record.birth_dates], ['Countries', record.countries],
      ['Gender', record.gender], ['Identifiers', record.id_numbers], ['IMO', record.imo_numbers]]));
  const entityCard = h('div', { class: 'card', id: 'entity-card' }, h('h2', {}, 'Listed entity'),
    entity ? entityDetails(entity, [['List version', alert.version]])
      : definitionList([['Id', alert.entity_id], ['List', alert.dataset], ['List version', alert.version],
        ['Note', 'no longer in the lists served']]));
  const state = stateOf(alert);
  const message = h('div', { id: 'alert-message', 'aria-live': 'polite' });
  const parts = [
    h('p', {}, scoreBadge(alert.score, true), ' ', h('span', { class: 'pill ' + state, id: 'alert-state' }, state),
      ' ', h('span', { id: 'alert-status' }, alert.status), ' · opened ', alert.created_at,
      alert.closed_at ? ` · closed ${alert.closed_at} (${alert.closed_reason})` : ''),
    message,
    h('div', { class: 'side' }, customerCard, entityCard),
    h('h2', {}, 'Why it alerted'), explanationView(alert.explanation),
    h('h2', {}, 'Decisions'), decisionsTable(alert.decisions || []),
  ];
  if (alert.pending_review) {
    const p = alert.pending_review;
    parts.push(notice('wait', `Decision ${p.decision} (${p.status} by ${p.analyst}) waits for ${p.waiting_for}: ${p.reason}.`));
    if (can('reviewer') && session.who.user !== p.analyst) parts.push(reviewForm(alert, message));
  } else if (alert.live && can('analyst')) {
    parts.push(decideForm(alert, message));
  }
  show(`Alert ${alert.id}: ${alert.customer_name} ~ ${(alert.explanation && alert.explanation.matched_name) || alert.entity_id}`, ...parts);
}

function decisionsTable(decisions) {
  if (decisions.length === 0) return h('p', { class: 'muted', id: 'decisions' }, 'None yet.');
  return h('table', { id: 'decisions' },
    h('thead', {}, h('tr', {}, ['#', 'Status', 'Analyst', 'When', 'Note', 'Review'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, decisions.map((d) => h('tr', {}, h('td', {}, String(d.id)), h('td', {}, d.status),
      h('td', {}, d.analyst), h('td', {}, d.decided_at), h('td', {}, d.note),
      h('td', {}, d.review ? `${d.review.state}${d.review.reviewer ? ' by ' + d.review.reviewer : ''}${d.review.note ? ': ' + d.review.note : ''}` : '—')))));
}

function decideForm(alert, message) {
  const status = h('select', { id: 'decide-status' },
    ['false_positive', 'true_match', 'escalated'].map((s) => h('option', { value: s }, s)));
  const note = h('textarea', { id: 'decide-note', required: true });
  async function decide(event) {
    event.preventDefault();
    try {
      const r = await api('POST', `/alerts/${alert.id}/decision`, { status: status.value, note: note.value });
      await renderAlert(alert.id);
      document.getElementById('alert-message').replaceChildren(r.status === 202
        ? notice('wait', 'Recorded. Four-eyes: it takes effect when a reviewer approves it.')
        : notice('ok', `Recorded: ${r.data.status}.`));
    } catch (e) {
      message.replaceChildren(notice('error', e.message));
    }
  }
  return h('form', { class: 'bar', id: 'decide', onsubmit: decide },
    h('label', { for: 'decide-status' }, 'Decision', status),
    h('label', { for: 'decide-note' }, 'Why (required)', note),
    h('button', { type: 'submit', id: 'decide-go' }, 'Record decision'));
}

function reviewForm(alert, message) {
  const note = h('textarea', { id: 'review-note', required: true });
  async function review(approve) {
    if (!note.value.trim()) {
      message.replaceChildren(notice('error', 'A review needs a note.'));
      note.focus();
      return;
    }
    try {
      await api('POST', `/alerts/${alert.id}/review`, { approve, note: note.value });
      await renderAlert(alert.id);
      document.getElementById('alert-message').replaceChildren(
        notice('ok', approve ? 'Approved: the decision has taken effect.' : 'Rejected: the alert is as it was.'));
    } catch (e) {
      message.replaceChildren(notice('error', e.message));
    }
  }
  return h('form', { class: 'bar', id: 'review', onsubmit: (e) => e.preventDefault() },
    h('label', { for: 'review-note' }, 'Review note (required)', note),
    h('button', { type: 'button', id: 'review-approve', onclick: () => review(true) }, 'Approve'),
    h('button', { type: 'button', class: 'danger', id: 'review-reject', onclick: () => review(false) }, 'Reject'));
}

// ---- entity ----

async function renderEntity(id) {
  try {
    const { data } = await api('GET', '/entities/' + encodeURIComponent(id));
    const xref = data.xref || {};
    const counterparts = (xref.counterparts || []).map((c) => h('li', {},
      h('a', { href: '#/entity/' + encodeURIComponent(c.id || c.entity_id || '') }, c.caption || c.id || c.entity_id || '?'),
      ' ', h('span', { class: 'muted' }, values(c.dataset || c.datasets))));
    let history = h('p', { class: 'muted', id: 'history' }, 'No list version in the store holds it (or the service runs without a store).');
    try {
      const versions = (await api('GET', '/history/' + encodeURIComponent(id))).data.versions;
      history = h('table', { id: 'history' },
        h('thead', {}, h('tr', {}, ['Version', 'In force from', 'State', 'What changed'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, versions.map((v) => h('tr', {},
          h('td', { class: 'num' }, h('a', { href: '#/versions/' + v.version.id }, String(v.version.id))),
          h('td', {}, v.version.effective_date), h('td', {}, v.state), h('td', {}, fieldChanges(v.fields))))));
    } catch (e) {
      if (e.status !== 404) history = notice('error', e.message);
    }
    show(data.caption,
      h('div', { class: 'card' }, entityDetails(data)),
      h('h2', {}, 'The same target on other lists'),
      counterparts.length ? h('ul', { id: 'counterparts' }, counterparts)
        : h('p', { class: 'muted', id: 'counterparts' }, 'No counterpart found on the other lists served.'),
      h('h2', {}, 'Across list versions'), history);
  } catch (e) {
    show('Entity', notice('error', e.message));
  }
}

// ---- list versions ----

async function renderVersions() {
  try {
    const { data } = await api('GET', '/versions');
    show('List versions',
      h('p', { class: 'muted' }, 'Every version of every list the store holds, newest first. Open one to see what changed since the version before it.'),
      h('table', { id: 'versions' },
        h('thead', {}, h('tr', {}, ['Version', 'List', 'Published', 'In force from', 'Entities', 'Source', 'Stored'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, data.results.map((v) => h('tr', {},
          h('td', { class: 'num' }, h('a', { href: '#/versions/' + v.id }, String(v.id))), h('td', {}, v.dataset),
          h('td', {}, v.published || '—'), h('td', {}, v.effective_date), h('td', { class: 'num' }, String(v.entities)),
          h('td', { class: 'details' }, v.origin), h('td', {}, v.fetched_at))))));
  } catch (e) {
    show('List versions', notice('error', e.message));
  }
}

function fieldChanges(fields) {
  return h('ul', { class: 'changes' }, fields.map((f) => h('li', {}, h('strong', {}, f.field + ': '),
    f.added.length ? h('span', { class: 'added' }, '+ ' + f.added.join('; ')) : '',
    f.added.length && f.removed.length ? ' ' : '',
    f.removed.length ? h('span', { class: 'removed' }, '− ' + f.removed.join('; ')) : '')));
}

async function renderVersionDiff(id) {
  try {
    const { data } = await api('GET', `/versions/${encodeURIComponent(id)}/diff`);
    const c = data.counts;
    const link = (e) => h('a', { href: '#/entity/' + encodeURIComponent(e.id) }, e.caption || e.id);
    const since = data.from ? `since version ${data.from.id} (${data.from.effective_date})` : 'its first stored version';
    show(`${data.to.dataset} version ${data.to.id} (${data.to.effective_date})`,
      h('p', { id: 'diff-counts' }, `${since}: ${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.unchanged} unchanged.`),
      h('h2', {}, `Changed (${c.changed})`),
      h('table', { id: 'diff-changed' }, h('tbody', {}, data.changed.map((e) => h('tr', {}, h('td', {}, link(e)), h('td', {}, fieldChanges(e.fields)))))),
      h('h2', {}, `Removed (${c.removed})`),
      h('ul', { id: 'diff-removed' }, data.removed.map((e) => h('li', {}, e.id, ' ', e.caption || ''))),
      h('h2', {}, `Added (${c.added})`),
      h('ul', { id: 'diff-added' }, data.added.slice(0, 500).map((e) => h('li', {}, link(e)))),
      data.added.length > 500 ? h('p', { class: 'muted' }, `… and ${data.added.length - 500} more`) : '');
  } catch (e) {
    show('List version ' + id, notice('error', e.message));
  }
}

// ---- audit ----

async function renderAudit() {
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  async function verify() {
    result.replaceChildren(h('p', { class: 'muted' }, 'Verifying…'));
    try {
      const { data } = await api('POST', '/audit/verify');
      const lines = [].concat(data.problem ? [data.problem] : [], data.differences, data.problems);
      result.replaceChildren(data.ok
        ? notice('ok', `Intact: ${data.rows} rows, head ${data.head.seq}:${data.head.hash.slice(0, 16)}…; every audited table is as the trail records it.`)
        : h('div', {}, notice('error', `Broken: ${lines.length} problem(s).`), h('ul', {}, lines.map((l) => h('li', {}, l)))));
    } catch (e) {
      result.replaceChildren(notice('error', e.message));
    }
  }
  let rows = [];
  let failure = null;
  try {
    rows = (await api('GET', '/audit?limit=200')).data.results;
  } catch (e) {
    failure = e.message;
  }
  show('Audit trail',
    h('p', {}, h('button', { type: 'button', id: 'verify', onclick: verify }, 'Verify chain')),
    result,
    failure ? notice('error', failure) : h('table', { id: 'audit' },
      h('thead', {}, h('tr', {}, ['#', 'When', 'Who', 'Action', 'Subject', 'Details'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, h('td', { class: 'num' }, String(r.seq)), h('td', {}, r.at),
        h('td', {}, r.actor), h('td', {}, r.action), h('td', {}, r.subject),
        h('td', { class: 'details mono' }, r.details ? JSON.stringify(r.details) : ''))))));
}

// ---- routing ----

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
  if (page === 'audit') return renderAudit();
  return renderScreen();
}

window.addEventListener('hashchange', route);
refreshWho().then(route);
