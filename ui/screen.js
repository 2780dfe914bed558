// #/screen: a name (with its explanation drawn) or a payment message,
// screened through the same API scripts call.
import { ApiError, api, entityDetails, explanationView, h, notice, scoreBadge, session, show, values } from './core.js';

// ---- screen ----

export function renderScreen() {
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
