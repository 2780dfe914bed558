// What every page of the workbench shares: the session (the user's API key,
// kept for the tab only), the API call, the DOM builder (text only: nothing
// from the server is ever parsed as HTML), and the views several pages draw
// (an explanation, a listed entity's details).

export const session = {
  key: sessionStorage.getItem('embargo.key') || '',
  who: null, // {user, role, monitoring}
};
export const ROLES = ['viewer', 'analyst', 'reviewer', 'admin'];

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function api(method, path, body) {
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
export function h(tag, attrs, ...children) {
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

export const main = () => document.getElementById('main');

export function show(title, ...content) {
  document.title = title + ' · embargo';
  const m = main();
  m.replaceChildren(h('h1', {}, title), ...content);
  m.focus();
}

export function notice(kind, text) {
  return h('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function can(role) {
  return session.who && ROLES.indexOf(session.who.role) >= ROLES.indexOf(role);
}

export function scoreBadge(score, hit) {
  return h('span', { class: 'score' + (hit ? ' hit' : '') }, Number(score).toFixed(3));
}

export function values(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function definitionList(pairs) {
  const dl = h('dl');
  for (const [term, value] of pairs) {
    const text = values(value);
    if (text === '') continue;
    dl.append(h('dt', {}, term), h('dd', {}, text));
  }
  return dl;
}

// ---- session ----

export async function refreshWho() {
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

export function signOut() {
  session.key = '';
  sessionStorage.removeItem('embargo.key');
  refreshWho().then(() => (location.hash = '#/login'));
}

// ---- explanation ----

export function explanationView(e) {
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

export const ENTITY_FIELDS = [
  ['name', 'Names'], ['alias', 'Aliases'], ['weakAlias', 'Weak aliases'], ['birthDate', 'Born'],
  ['birthPlace', 'Birth place'], ['nationality', 'Nationality'], ['citizenship', 'Citizenship'],
  ['country', 'Countries'], ['jurisdiction', 'Jurisdiction'], ['gender', 'Gender'],
  ['idNumber', 'Identifiers'], ['passportNumber', 'Passports'], ['imoNumber', 'IMO'],
  ['swiftBic', 'BIC'], ['registrationNumber', 'Registration'], ['program', 'Programmes'],
  ['programId', 'Programme ids'], ['notes', 'Remarks'], ['address', 'Addresses'],
];

export function entityDetails(entity, extra) {
  const p = entity.properties || {};
  const pairs = [['Id', entity.id], ['Schema', entity.schema], ['Lists', entity.datasets]];
  for (const [prop, label] of ENTITY_FIELDS) if (p[prop]) pairs.push([label, p[prop]]);
  return definitionList(pairs.concat(extra || []));
}

// Offers a report the API returns as a download (a plain link would not
// carry the API key).
export async function download(path, name) {
  const res = await fetch(path, { headers: session.key ? { Authorization: 'ApiKey ' + session.key } : {} });
  if (!res.ok) throw new Error((await res.json()).detail || res.statusText);
  const link = h('a', { href: URL.createObjectURL(await res.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}
