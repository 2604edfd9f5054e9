// Log in: user name and password to POST /api/v1/login, which sets the session cookie; then
// back to the page the user asked for. Failures show the API's generic message (it never says
// whether the user exists) and the lock-out after repeated failures.
import { h, replace } from '../dom.js';
import { api } from '../api.js';

// Only a path of this server is followed after login, never another origin.
function nextPath() {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  return /^\/[A-Za-z0-9/_-]*$/.test(next) && !next.startsWith('//') ? next : '/';
}

export function render(main) {
  const status = h('p.g-form-error', { id: 'login-error', role: 'alert' });
  const user = h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form.g-login', { novalidate: true },
    h('div.g-field', {}, h('label', { for: 'login-user' }, 'User name'), user),
    h('div.g-field', {}, h('label', { for: 'login-password' }, 'Password'), password),
    status,
    h('button', { type: 'submit' }, 'Log in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    try {
      await api('POST', '/login', { user: user.value.trim(), password: password.value });
      location.assign(nextPath());
    } catch (error) {
      status.textContent = error.status === 429 ? `${error.message}. Try again later.` : error.message;
      password.value = '';
      password.focus();
    }
  });
  replace(main, h('h1', {}, 'Log in to the Guarantor workspace'),
    h('p', {}, 'Use the account the secretariat gave you. Sessions last 12 hours.'), form);
  user.focus();
}
