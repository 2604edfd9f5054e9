// The workspace's users, for the secretariat: who may log in with which role (and a liaison for
// which nation), adding a user, disabling or enabling one (its sessions end and its tokens are
// refused at once) and setting a new password for a user who forgot theirs. The API refuses to
// disable the last enabled secretariat user, and the page shows its message.
import { h, replace, table, plural } from '../dom.js';
import { api, ApiError } from '../api.js';

const ROLES = [
  ['secretariat', 'secretariat'], ['liaison', 'national liaison'], ['host_nation', 'host nation'], ['planner', 'planner'],
  ['monitor', 'monitor'], ['observer', 'observer'],
];
const ROLE_WORDS = Object.fromEntries(ROLES);

function field(id, label, input) {
  const error = h('p.g-field-error', { id: `${id}-error`, role: 'alert' });
  input.setAttribute('aria-describedby', `${id}-error`);
  return { input, error, element: h('div.g-field', {}, h('label', { for: id }, label), input, error) };
}

// Each of the API's problems at the field it names ({where, message}); the rest in the summary.
function showProblems(error, fields, summary) {
  const problems = error instanceof ApiError && error.errors.length ? error.errors
    : [{ where: error instanceof ApiError ? error.where : '', message: error instanceof ApiError ? error.message : String(error) }];
  const unplaced = [];
  for (const problem of problems) {
    const target = fields[problem.where];
    if (target) {
      target.error.textContent = problem.message;
      target.input.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(problem.where ? `${problem.where}: ${problem.message}` : problem.message);
    }
  }
  summary.textContent = unplaced.join('; ');
}

function clearProblems(fields, summary) {
  summary.textContent = '';
  for (const { input, error } of Object.values(fields)) {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  }
}

function addUserForm(nations, onAdded) {
  const name = field('user-name', 'User name', h('input', { id: 'user-name', required: true, maxlength: 64, autocomplete: 'off' }));
  const role = field('user-role', 'Role', h('select', { id: 'user-role' }, ROLES.map(([value, words]) => h('option', { value }, words))));
  const nation = field('user-nation', 'Nation (liaison only)', h('select', { id: 'user-nation' },
    h('option', { value: '' }, '(none)'), [...nations].sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => h('option', { value: entry.iso2 }, `${entry.name} (${entry.iso2})`))));
  const password = field('user-password', 'First password', h('input', { id: 'user-password', type: 'password', required: true, autocomplete: 'new-password' }));
  const fields = { '/name': name, '/role': role, '/nation': nation, '/password': password };
  const summary = h('p.g-form-error', { id: 'user-errors', role: 'alert' });
  // Only a liaison acts for a nation; the list is offered when it can be filled in.
  const syncNation = () => {
    nation.input.disabled = role.input.value !== 'liaison';
    if (nation.input.disabled) nation.input.value = '';
  };
  role.input.addEventListener('change', syncNation);
  syncNation();
  const form = h('form.g-inline-form', { id: 'user-form', novalidate: true },
    name.element, role.element, nation.element, password.element, h('button', { type: 'submit' }, 'Add user'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(fields, summary);
    const body = { name: name.input.value.trim(), role: role.input.value, password: password.input.value };
    if (nation.input.value) body.nation = nation.input.value;
    try {
      const { data } = await api('POST', '/users', body);
      name.input.value = '';
      password.input.value = '';
      await onAdded(`User ${data.name} added (${ROLE_WORDS[data.role] ?? data.role}${data.nation ? ` of ${nations.find((entry) => entry.iso2 === data.nation)?.name ?? data.nation}` : ''}). `
        + 'Give them the first password by a separate channel; they can change it on their account page.');
    } catch (error) {
      showProblems(error, fields, summary);
    }
  });
  return h('section', { 'aria-labelledby': 'user-form-title' }, h('h2', { id: 'user-form-title' }, 'Add a user'), form, summary);
}

// The row's "set password" form, drawn under the table when asked for.
function passwordForm(user, onDone) {
  const password = field('reset-password', `New password for ${user.name}`,
    h('input', { id: 'reset-password', type: 'password', required: true, autocomplete: 'new-password' }));
  const summary = h('p.g-form-error', { id: 'reset-errors', role: 'alert' });
  const fields = { '/password': password };
  const form = h('form.g-inline-form', { id: 'reset-form', novalidate: true, dataset: { user: user.name } },
    password.element, h('button', { type: 'submit' }, `Set the password of ${user.name}`),
    h('button.g-secondary', { type: 'button', onclick: () => onDone(null) }, 'Cancel'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(fields, summary);
    try {
      const { data } = await api('PUT', `/users/${encodeURIComponent(user.name)}/password`, { password: password.input.value });
      await onDone(`New password set for ${user.name}; ${plural(data.sessions_ended, 'session')} ended. Their API tokens still work.`);
    } catch (error) {
      showProblems(error, fields, summary);
    }
  });
  return h('section', { 'aria-labelledby': 'reset-title' }, h('h2', { id: 'reset-title' }, `Password of ${user.name}`), form, summary);
}

export async function render(main, { session }) {
  const status = h('div', { id: 'users-status', role: 'status' });
  const failure = h('p.g-form-error', { id: 'users-errors', role: 'alert' });
  const listing = h('div', {});
  const editor = h('div', {});
  const nations = (await api('GET', '/nations')).data.items;
  const nationNames = new Map(nations.map((entry) => [entry.iso2, entry.name]));
  const say = (text) => {
    failure.textContent = '';
    replace(status, text ? h('p', {}, text) : null);
  };

  const draw = async () => {
    const users = (await api('GET', '/users')).data.items;
    const enabledSecretariat = users.filter((user) => user.role === 'secretariat' && !user.disabled).length;
    const rows = users.map((user) => {
      const toggle = async () => {
        try {
          const { data } = await api('PUT', `/users/${encodeURIComponent(user.name)}/disabled`, { disabled: !user.disabled });
          say(data.disabled ? `${data.name} is disabled: their sessions ended and their API tokens are refused.`
            : `${data.name} is enabled again and may log in; tokens not revoked work again.`);
          await draw();
        } catch (error) {
          failure.textContent = error instanceof ApiError ? error.message : String(error);
        }
      };
      const self = user.name === session.user.name;
      return [
        user.name,
        ROLE_WORDS[user.role] ?? user.role,
        user.nation ? `${nationNames.get(user.nation) ?? user.nation} (${user.nation})` : '',
        user.disabled ? h('span.g-status.g-status-missing', {}, 'disabled') : h('span.g-status.g-status-covered', {}, 'enabled'),
        user.created_at,
        h('div.g-actions', {},
          h('button.g-secondary', { type: 'button', id: `toggle-${user.name}`, onclick: toggle,
            title: !user.disabled && user.role === 'secretariat' && enabledSecretariat === 1
              ? 'the last enabled secretariat user cannot be disabled' : null },
          `${user.disabled ? 'Enable' : 'Disable'} ${user.name}${self ? ' (you)' : ''}`),
          h('button.g-secondary', { type: 'button', id: `reset-${user.name}`, onclick: () => {
            replace(editor, passwordForm(user, async (text) => {
              replace(editor);
              if (text) say(text);
            }));
            editor.querySelector('input').focus();
          } }, `Set password of ${user.name}`)),
      ];
    });
    const disabled = users.filter((user) => user.disabled).length;
    replace(listing, table(`${plural(users.length, 'user')}, ${disabled} disabled`,
      ['user', 'role', 'nation', 'state', 'created', 'actions'], rows, 'g-user-row'));
    for (const [index, user] of users.entries()) listing.querySelectorAll('tr.g-user-row')[index].dataset.user = user.name;
  };

  await draw();
  replace(main, h('h1', {}, 'Users'),
    h('p.g-note', {}, 'Who may log in to the workspace, with which role. A disabled user cannot log in, its sessions end and its ',
      'API tokens are refused until it is enabled again. Passwords are never shown; every change is in the history.'),
    status, failure, listing, editor,
    addUserForm(nations, async (text) => {
      say(text);
      await draw();
    }));
}
