// #/login: sign in with an API key; the key names the user and their role.
import { api, h, notice, refreshWho, session, show } from './core.js';

export function renderLogin(message) {
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
