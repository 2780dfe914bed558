// #/audit and #/screenings: the audit trail with its "verify chain" button,
// and the screening records (who screened what, against which list
// versions, with what result).
import { api, can, download, h, notice, session, show } from './core.js';

export async function renderAudit() {
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

// What a record screened, in one line.
function subjectText(r) {
  const s = r.subject || {};
  if (r.kind === 'batch') return `${s.input} (${s.rows} rows)`;
  if (r.kind === 'payment') return `${s.type} ${s.id || ''} ${s.amount || ''} ${s.currency || ''}`;
  const names = s.names || (s.properties && s.properties.name) || [];
  return [].concat(names).join('; ');
}

// What it found, in one line.
function resultText(r) {
  const x = r.result || {};
  if (r.kind === 'batch') return `${x.screened} screened, ${x.alerted} with alerts, ${x.not_screened} not screened`;
  if (r.kind === 'payment') return `${x.decision}: ${(x.hits || []).length} hit(s)` + (x.case_id ? `, case ${x.case_id}` : '');
  if (x.error) return x.error;
  const top = (x.candidates || [])[0];
  return top ? `${top.caption} (${top.dataset}) ${Number(top.score).toFixed(3)}` : 'no candidate';
}

export async function renderScreenings() {
  const actor = h('input', { id: 'screenings-actor', size: 10, value: can('reviewer') ? '' : session.who.user, disabled: !can('reviewer') });
  const kind = h('select', { id: 'screenings-kind' }, ['', 'name', 'batch', 'payment'].map((k) => h('option', { value: k }, k || 'any')));
  const since = h('input', { id: 'screenings-since', placeholder: 'YYYY-MM-DD', size: 11 });
  const text = h('input', { id: 'screenings-q', size: 16 });
  const table = h('div', { id: 'screenings-table', 'aria-live': 'polite', 'aria-busy': 'true' });
  async function load(event) {
    if (event) event.preventDefault();
    const q = new URLSearchParams({ limit: '200' });
    if (actor.value && can('reviewer')) q.set('actor', actor.value);
    if (kind.value) q.set('kind', kind.value);
    if (since.value) q.set('since', since.value);
    if (text.value) q.set('q', text.value);
    table.setAttribute('aria-busy', 'true');
    try {
      const rows = (await api('GET', '/screenings?' + q)).data.results;
      table.replaceChildren(rows.length === 0 ? h('p', { class: 'muted' }, 'No screening recorded matches.') : h('table', { id: 'screenings' },
        h('thead', {}, h('tr', {}, ['#', 'When (UTC)', 'Who', 'Via', 'What', 'Outcome', 'Result', 'Lists', 'Certificate'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map((r) => h('tr', {}, h('td', { class: 'num' }, String(r.id)), h('td', { class: 'nowrap' }, r.at.replace('T', ' ').slice(0, 19)),
          h('td', {}, r.actor), h('td', {}, r.channel), h('td', {}, `${r.kind}: ${subjectText(r)}`),
          h('td', {}, h('span', { class: 'pill ' + (r.outcome === 'clear' ? 'closed' : 'true_match') }, r.outcome)),
          h('td', {}, resultText(r)),
          h('td', { class: 'details' }, Object.entries(r.versions || {}).map(([d, v]) => `${v.source || d} (${v.published || '?'})`).join('; ')),
          h('td', {}, h('button', { type: 'button', class: 'secondary certificate', 'aria-label': `HTML certificate of screening ${r.id}`,
            onclick: () => download(`/screenings/${r.id}/certificate`, `screening-${r.id}.html`).catch((e) => table.prepend(notice('error', e.message))) }, 'HTML')))))));
    } catch (e) {
      table.replaceChildren(notice('error', e.message));
    }
    table.setAttribute('aria-busy', 'false');
  }
  show('Screenings',
    h('p', { class: 'muted' }, can('reviewer')
      ? 'Every screening made through this service or the CLI with this store: who, when, what, against which list versions, with what result.'
      : 'Your screenings through this service or the CLI: when, what, against which list versions, with what result.'),
    h('form', { class: 'bar', onsubmit: load },
      h('label', { for: 'screenings-actor' }, 'Who', actor),
      h('label', { for: 'screenings-kind' }, 'Kind', kind),
      h('label', { for: 'screenings-since' }, 'Since', since),
      h('label', { for: 'screenings-q' }, 'Name or file contains', text),
      h('button', { type: 'submit', id: 'screenings-go' }, 'Filter')),
    h('p'), table);
  await load();
}
