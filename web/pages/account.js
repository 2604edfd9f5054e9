// Your account, for every role: who you are logged in as, changing your own password (the
// current one is asked for: a session left open on someone's screen cannot take the account
// over), and your API tokens for scripts: created with a label, shown once, listed and revoked.
import { h, replace, table, plural } from '../dom.js';
import { api, ApiError } from '../api.js';

const ROLE_WORDS = {
  secretariat: 'secretariat', liaison: 'national liaison', host_nation: 'host nation', planner: 'planner',
  monitor: 'monitor', observer: 'observer',
};

// The API's message for a field, shown at it; any other failure in the form's summary.
function showFailure(error, fields, summary) {
  const field = error instanceof ApiError ? fields[error.where] : null;
  if (field) {
    field.error.textContent = error.message;
    field.input.setAttribute('aria-invalid', 'true');
    field.input.focus();
  } else {
    summary.textContent = error instanceof ApiError ? error.message : String(error);
  }
}

function clearFailures(fields, summary) {
  summary.textContent = '';
  for (const { input, error } of Object.values(fields)) {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  }
}

function passwordField(id, label, autocomplete) {
  const input = h('input', { id, type: 'password', autocomplete, required: true, 'aria-describedby': `${id}-error` });
  const error = h('p.g-field-error', { id: `${id}-error`, role: 'alert' });
  return { input, error, element: h('div.g-field', {}, h('label', { for: id }, label), input, error) };
}

function passwordForm() {
  const current = passwordField('account-current-password', 'Current password', 'current-password');
  const replacement = passwordField('account-new-password', 'New password', 'new-password');
  const repeat = passwordField('account-repeat-password', 'New password again', 'new-password');
  const summary = h('p.g-form-error', { id: 'account-password-errors', role: 'alert' });
  const status = h('p.g-form-status', { id: 'account-password-status', role: 'status' });
  const fields = { '/current_password': current, '/new_password': replacement, '/repeat': repeat };
  const form = h('form.g-inline-form', { id: 'account-password-form', novalidate: true },
    current.element, replacement.element, repeat.element, h('button', { type: 'submit' }, 'Change password'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFailures(fields, summary);
    status.textContent = '';
    if (replacement.input.value !== repeat.input.value) {
      showFailure(new ApiError(400, { message: 'does not match the new password', where: '/repeat' }), fields, summary);
      return;
    }
    try {
      const { data } = await api('PUT', '/session/password',
        { current_password: current.input.value, new_password: replacement.input.value });
      status.textContent = `Password changed. ${data.sessions_ended === 0 ? 'No other session was open.'
        : `${plural(data.sessions_ended, 'other session')} ended.`} Your API tokens still work.`;
      for (const field of Object.values(fields)) field.input.value = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) summary.textContent = `${error.message}.`;
      else showFailure(error, fields, summary);
    }
  });
  return h('section', { 'aria-labelledby': 'account-password-title' },
    h('h2', { id: 'account-password-title' }, 'Change your password'),
    h('p.g-note', {}, 'Your other browser sessions end when you change it; this one stays, and so do your API tokens. ',
      'A wrong current password counts as a failed login.'),
    form, summary, status);
}

function tokenRows(tokens, onRevoke) {
  return tokens.map((token) => [
    String(token.id),
    token.label,
    token.created_at,
    token.revoked_at ? h('span.g-status.g-status-missing', {}, `revoked ${token.revoked_at}`) : h('span.g-status.g-status-covered', {}, 'valid'),
    token.revoked_at ? '' : h('button.g-secondary', { type: 'button', id: `revoke-token-${token.id}`, onclick: () => onRevoke(token) },
      `Revoke token ${token.id}`),
  ]);
}

async function tokensSection() {
  const section = h('section', { 'aria-labelledby': 'account-tokens-title' });
  const created = h('div', { id: 'account-new-token', role: 'status' });
  const summary = h('p.g-form-error', { id: 'account-token-errors', role: 'alert' });
  const label = h('input', { id: 'account-token-label', required: true, maxlength: 200, size: 30, 'aria-describedby': 'account-token-label-error' });
  const labelError = h('p.g-field-error', { id: 'account-token-label-error', role: 'alert' });
  const fields = { '/label': { input: label, error: labelError } };
  const listing = h('div', {});
  const draw = async () => {
    const { data } = await api('GET', '/tokens');
    replace(listing, data.items.length === 0 ? h('p.g-empty', {}, 'You have no API token.')
      : table(`${plural(data.items.length, 'token')}`, ['id', 'label', 'created', 'state', ''], tokenRows(data.items, async (token) => {
        summary.textContent = '';
        try {
          await api('DELETE', `/tokens/${token.id}`);
          replace(created, h('p', {}, `Token ${token.id} (${token.label}) is revoked: scripts using it are refused from now on.`));
          await draw();
        } catch (error) {
          showFailure(error, fields, summary);
        }
      }), 'g-token-row'));
  };
  const form = h('form.g-inline-form', { id: 'account-token-form', novalidate: true },
    h('div.g-field', {}, h('label', { for: 'account-token-label' }, 'Label (what the token is for)'), label, labelError),
    h('button', { type: 'submit' }, 'Create token'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFailures(fields, summary);
    try {
      const { data } = await api('POST', '/tokens', { label: label.value.trim() });
      label.value = '';
      replace(created, h('p', {}, `Token ${data.id} (${data.label}) created. Copy it now: it is shown only this once, `,
        'and only its digest is kept.'), h('p', {}, h('code.g-token', { id: 'account-token-value' }, data.token)),
      h('p.g-note', {}, 'A script sends it as the header Authorization: Bearer <token>.'));
      await draw();
    } catch (error) {
      showFailure(error, fields, summary);
    }
  });
  await draw();
  replace(section, h('h2', { id: 'account-tokens-title' }, 'API tokens'),
    h('p.g-note', {}, 'Scripts call the API with a token instead of a password. A token acts as you, with your role; ',
      'revoke one as soon as its script no longer needs it.'),
    form, summary, created, listing);
  return section;
}

export async function render(main, { session }) {
  const { user } = session;
  const who = [['user name', user.name], ['role', ROLE_WORDS[user.role] ?? user.role]];
  if (user.nation) who.push(['nation', user.nation]);
  replace(main, h('h1', {}, 'Your account'),
    h('dl.g-account', { id: 'account-who' }, who.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    passwordForm(), await tokensSection());
}
