// #/entity/ID, #/versions, #/versions/ID, #/gaps: a listed entity with its
// counterparts and history, the stored list versions and their diffs, and
// the gap report (who has not designated whom).
import { api, download, entityDetails, h, notice, show, values } from './core.js';

export async function renderEntity(id) {
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
        : h('p', { class: 'muted', id: 'counterparts' }, xref.status === 'pending'
          ? 'The links between the lists are still being worked out after a (re)load: open this page again in a few seconds.'
          : 'No counterpart found on the other lists served.'),
      h('h2', {}, 'Across list versions'), history);
  } catch (e) {
    show('Entity', notice('error', e.message));
  }
}

export async function renderVersions() {
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

export async function renderVersionDiff(id) {
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

const REGIMES = ['DPRK', 'IRAN', 'SYRIA', 'RUSSIA', 'LIBYA', 'IRAQ', 'ISIL/AL-QAIDA', 'TALIBAN', 'YEMEN', 'SOMALIA'];

export async function renderGaps(regime) {
  const pick = h('select', { id: 'gaps-regime' }, REGIMES.map((r) => h('option', { value: r, selected: r === regime }, r)));
  const body = h('div', { id: 'gaps-body', 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Linking the lists…'));
  const message = h('div', { id: 'gaps-message' });
  const selected = () => encodeURIComponent(pick.value);
  const get = (format, ext) => download(`/gaps?regime=${selected()}&format=${format}`, `gaps-${pick.value.toLowerCase().replace(/\W+/g, '-')}.${ext}`)
    .catch((e) => message.replaceChildren(notice('error', e.message)));
  show('Gap report',
    h('form', { class: 'bar', onsubmit: (e) => { e.preventDefault(); location.hash = '#/gaps/' + selected(); } },
      h('label', { for: 'gaps-regime' }, 'Regime', pick),
      h('button', { type: 'submit', id: 'gaps-go' }, 'Show'),
      h('button', { type: 'button', class: 'secondary', id: 'gaps-html', onclick: () => get('html', 'html') }, 'Download report (HTML)'),
      h('button', { type: 'button', class: 'secondary', id: 'gaps-csv', onclick: () => get('csv', 'csv') }, 'Coverage matrix (CSV)')),
    message, body);
  try {
    const { data } = await api('GET', `/gaps?regime=${selected()}`);
    const s = data.summary;
    const targets = new Map(data.targets.map((t) => [t.id, t]));
    const datasets = h('table', { id: 'gaps-datasets' },
      h('thead', {}, h('tr', {}, ['List', 'Jurisdiction', 'Version', 'Records', 'Targets listed', 'UN targets missing', 'Listed first', 'Listed later (median days)'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, data.datasets.map((d) => {
        const lag = (s.lags || {})[d.name];
        return h('tr', {}, h('td', {}, d.name), h('td', {}, d.jurisdiction), h('td', {}, d.version_date || '—'),
          h('td', { class: 'num' }, String(d.records)), h('td', { class: 'num' }, String((s.listed || {})[d.name] || 0)),
          h('td', { class: 'num' }, d.jurisdiction === 'UN' ? '—' : String((s.un_missing || {})[d.name] || 0)),
          h('td', { class: 'num' }, lag ? String(lag.first) : '—'),
          h('td', { class: 'num' }, lag && lag.later ? `${lag.later} (${lag.median_lag_days})` : '—'));
      })));
    const missing = Object.entries(data.un_missing || {}).filter(([, list]) => list.length > 0);
    const missingTables = missing.map(([dataset, list]) => h('div', {},
      h('h3', {}, `Not on ${dataset} (${list.length})`),
      h('table', { class: 'gaps-missing' },
        h('thead', {}, h('tr', {}, ['UN target', 'Closest record there', 'Score', 'Why not linked'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, list.map((m) => h('tr', {},
          h('td', {}, h('a', { href: '#/entity/' + encodeURIComponent(m.target) }, m.caption || (targets.get(m.target) || {}).caption || m.target)),
          h('td', {}, m.closest ? h('a', { href: '#/entity/' + encodeURIComponent(m.closest.id) }, m.closest.caption) : '—'),
          h('td', { class: 'num' }, m.closest ? Number(m.closest.score).toFixed(2) : ''),
          h('td', {}, m.why || m.reason || (m.ambiguous ? 'ambiguous' : ''))))))));
    const single = Object.entries(s.single_jurisdiction || {});
    body.replaceChildren(
      h('p', { id: 'gaps-summary' }, `${s.targets} targets under ${data.regime || 'every regime'}: ${s.linked_targets} on two or more lists.`),
      datasets,
      h('h2', {}, 'UN targets missing from national lists'),
      missingTables.length ? h('div', { id: 'gaps-missing' }, missingTables) : h('p', { class: 'muted', id: 'gaps-missing' }, 'Every UN target of this regime is on every national list served.'),
      h('h2', {}, 'Listed by one jurisdiction only'),
      single.length ? h('ul', { id: 'gaps-single' }, single.map(([j, n]) => h('li', {}, `${j}: ${n}`))) : h('p', { class: 'muted' }, 'None.'),
      (data.notes || []).length ? h('div', {}, h('h2', {}, 'Limits of the data'), h('ul', {}, data.notes.map((n) => h('li', {}, n)))) : '');
  } catch (e) {
    body.replaceChildren(notice('error', e.message));
  }
  body.setAttribute('aria-busy', 'false');
}
