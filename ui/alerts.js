// #/alerts and #/alerts/ID: the queue (filter, sort, assign, bulk
// decisions) and one alert (customer and listed entity side by side, the
// explanation, decisions, the decide, review and assign forms).
import { api, can, definitionList, entityDetails, explanationView, h, notice, scoreBadge, session, show } from './core.js';

const alertsView = { sort: 'score', descending: true, rows: [], generation: 0, selected: new Set() };

function stateOf(a) {
  if (!a.live) return 'closed';
  return a.pending_review ? 'pending' : 'live';
}

function ageDays(iso) {
  const days = (Date.now() - Date.parse(iso)) / 86400000;
  return Number.isFinite(days) ? Math.max(0, Math.floor(days)) : '';
}

export async function renderAlerts() {
  const status = h('select', { id: 'filter-status' },
    ['', 'open', 'escalated', 'true_match', 'false_positive'].map((s) => h('option', { value: s }, s || 'any')));
  const customer = h('input', { id: 'filter-customer', size: 12 });
  const minScore = h('input', { id: 'filter-score', type: 'number', min: 0, max: 1, step: 0.01, size: 5 });
  const list = h('input', { id: 'filter-list', size: 14 });
  const assignee = h('select', { id: 'filter-assignee' },
    [['', 'anyone'], ['me', 'me'], ['none', 'nobody']].map(([v, t]) => h('option', { value: v }, t)));
  const age = h('input', { id: 'filter-age', type: 'number', min: 0, max: 36500, step: 1, size: 5 });
  const pending = h('input', { id: 'filter-pending', type: 'checkbox' });
  const closed = h('input', { id: 'filter-closed', type: 'checkbox' });
  const table = h('div', { id: 'alerts-table', 'aria-live': 'polite', 'aria-busy': 'true' });
  async function load(event) {
    if (event) event.preventDefault();
    const q = new URLSearchParams({ limit: '1000', brief: 'true' });
    if (status.value) q.set('status', status.value);
    if (customer.value) q.set('customer', customer.value);
    if (assignee.value) q.set('assignee', assignee.value);
    if (age.value !== '') q.set('older_than_days', age.value);
    if (pending.checked) q.set('pending', 'true');
    if (closed.checked) q.set('all', 'true');
    table.setAttribute('aria-busy', 'true');
    try {
      const { data } = await api('GET', '/alerts?' + q);
      const min = minScore.value === '' ? 0 : Number(minScore.value);
      alertsView.rows = data.results.filter((a) => a.score >= min &&
        (list.value === '' || a.dataset.includes(list.value)));
      drawAlerts(table);
    } catch (e) {
      table.replaceChildren(notice('error', e.message));
    }
    table.setAttribute('aria-busy', 'false');
  }
  const bulk = can('analyst') ? bulkForm(load) : '';
  show('Alerts',
    h('form', { class: 'bar', onsubmit: load },
      h('label', { for: 'filter-status' }, 'Status', status),
      h('label', { for: 'filter-customer' }, 'Customer id', customer),
      h('label', { for: 'filter-score' }, 'Score at least', minScore),
      h('label', { for: 'filter-list' }, 'List', list),
      h('label', { for: 'filter-assignee' }, 'Assigned to', assignee),
      h('label', { for: 'filter-age' }, 'Older than (days)', age),
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
  async function take() {
    const ids = [...alertsView.selected];
    if (ids.length === 0) {
      result.replaceChildren(notice('error', 'Select the alerts to take first.'));
      return;
    }
    const failures = [];
    for (const id of ids) {
      try {
        await api('POST', `/alerts/${id}/assign`, { assignee: 'me' });
      } catch (e) {
        failures.push(`alert ${id}: ${e.message}`);
      }
    }
    alertsView.selected.clear();
    await reload();
    result.replaceChildren(
      notice(failures.length ? 'error' : 'ok', `${ids.length - failures.length} assigned to you` + (failures.length ? `, ${failures.length} failed` : '') + '.'),
      failures.length ? h('ul', {}, failures.map((f) => h('li', {}, f))) : '');
  }
  return h('div', {}, h('h2', {}, 'Decide the selected alerts'),
    h('form', { class: 'bar', id: 'bulk', onsubmit: decide },
      h('label', { for: 'bulk-status' }, 'Decision', status),
      h('label', { for: 'bulk-note' }, 'Why (required; the same note on each)', note),
      h('button', { type: 'submit', id: 'bulk-go' }, 'Decide selected'),
      h('button', { type: 'button', class: 'secondary', id: 'bulk-take', onclick: take }, 'Assign selected to me')),
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
  ['assignee', 'Assignee', (a) => a.assignee || ''],
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
      h('td', {}, h('span', { class: 'pill ' + state }, state)), h('td', {}, a.assignee || ''),
      h('td', { class: 'num' }, String(ageDays(a.created_at))));
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

export async function renderAlert(id) {
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
  const assignment = h('p', { id: 'assignment' }, alert.assignee
    ? `Assigned to ${alert.assignee} (by ${alert.assigned_by}, ${alert.assigned_at}).`
    : 'Assigned to nobody.', alert.live ? assignForm(alert, message) : '');
  const parts = [
    h('p', {}, scoreBadge(alert.score, true), ' ', h('span', { class: 'pill ' + state, id: 'alert-state' }, state),
      ' ', h('span', { id: 'alert-status' }, alert.status), ' · opened ', alert.created_at,
      alert.closed_at ? ` · closed ${alert.closed_at} (${alert.closed_reason})` : ''),
    message,
    assignment,
    h('div', { class: 'side' }, customerCard, entityCard),
    h('h2', {}, 'Why it alerted'), explanationView(alert.explanation),
    h('h2', {}, 'Decisions'), decisionsTable(alert.decisions || []),
  ];
  if (alert.pending_review) {
    const p = alert.pending_review;
    parts.push(notice('wait', `Decision ${p.decision} (${p.status} by ${p.analyst}) waits for ${p.waiting_for}: ${p.reason}.`));
    if (can('reviewer') && session.who.user !== p.analyst) parts.push(reviewForm(alert, message));
  } else if (alert.live && can('analyst') && (!alert.assignee || alert.assignee === session.who.user)) {
    parts.push(decideForm(alert, message));
  } else if (alert.live && can('analyst')) {
    parts.push(h('p', { class: 'muted', id: 'decide-blocked' }, `${alert.assignee} works this alert: it is theirs to decide until it is reassigned.`));
  }
  show(`Alert ${alert.id}: ${alert.customer_name} ~ ${(alert.explanation && alert.explanation.matched_name) || alert.entity_id}`, ...parts);
}

// Take an alert, give it back, or (reviewer) hand it to someone.
function assignForm(alert, message) {
  if (!can('analyst')) return '';
  const me = session.who.user;
  const act = async (assignee) => {
    try {
      await api('POST', `/alerts/${alert.id}/assign`, { assignee });
      await renderAlert(alert.id);
    } catch (e) {
      message.replaceChildren(notice('error', e.message));
    }
  };
  const buttons = [];
  if (alert.assignee !== me && (!alert.assignee || can('reviewer'))) {
    buttons.push(h('button', { type: 'button', class: 'secondary', id: 'assign-me', onclick: () => act('me') }, 'Take it'));
  }
  if (alert.assignee && (alert.assignee === me || can('reviewer'))) {
    buttons.push(h('button', { type: 'button', class: 'secondary', id: 'unassign', onclick: () => act(null) }, 'Unassign'));
  }
  if (can('reviewer')) {
    const to = h('input', { id: 'assign-to', size: 10, 'aria-label': 'Assign to user' });
    buttons.push(to, h('button', { type: 'button', class: 'secondary', id: 'assign-go', onclick: () => to.value && act(to.value) }, 'Assign'));
  }
  return h('span', { class: 'inline-form' }, ' ', buttons);
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
