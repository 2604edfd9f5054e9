// Accounts in the browser: the secretariat's users page (the last secretariat user cannot be
// disabled, a bad user is refused at its field, a liaison added, disabled so its login fails,
// enabled and given a new password) and a user's own account page (a wrong current password
// and a mistyped repeat refused at their fields, the password changed, an API token created,
// shown once, used by a script and revoked so the script is refused). An observer reaches its
// account page but not the users page.
import { PASSWORD, apiCall, checkAccessibility, logIn, screenshots } from './workspace_harness.mjs';

const NEW_USER = 'liaison-no';
const RESET_PASSWORD = 'a reset password of some length';
const OWN_PASSWORD = 'my own password, long enough';

// Logs in through the login page with any password; true when the login led to a page.
async function logInWith(page, origin, user, password, startPath = '/') {
  await page.goto(`${origin}/login?next=${encodeURIComponent(startPath)}`);
  await page.waitForSelector('#login-user');
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await page.press('#login-password', 'Enter');
  const outcome = await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15000 }).then(() => 'in'),
    page.waitForSelector('#login-error:not(:empty)', { timeout: 15000 }).then(() => 'refused'),
  ]);
  if (outcome === 'in') await page.waitForSelector('body[data-ready="true"]');
  return outcome === 'in';
}

async function userState(page, name) {
  return page.locator(`tr.g-user-row[data-user="${name}"] .g-status`).textContent();
}

// A script's call with an API token (no cookie): the status of GET /api/v1/session.
async function tokenStatus(origin, token) {
  const response = await fetch(`${origin}/api/v1/session`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: response.ok ? await response.json() : null };
}

async function usersFlow(page, origin, tools, args, checks, contextFor) {
  await logIn(page, origin, 'sec', '/users');
  checks.expect((await page.locator('#nav').textContent()).includes('Users'), 'the secretariat is offered the users page');
  const listed = (await apiCall(page, 'GET', '/users')).body.items.length;
  checks.expect((await page.locator('tr.g-user-row').count()) === listed, `one row per user of the API (${listed})`);

  checks.allowError(409, '/api/v1/users/sec/disabled');
  await page.click('#toggle-sec');
  await page.waitForSelector('#users-errors:not(:empty)');
  const refusal = await page.locator('#users-errors').textContent();
  checks.expect(/secretariat/.test(refusal), `disabling the last secretariat user is refused with the API's reason ("${refusal}")`);
  checks.expect((await userState(page, 'sec')).includes('enabled'), 'the secretariat user stays enabled');

  // A liaison without its nation, and a bad name: each message at its field, nothing added.
  checks.allowError(400, '/api/v1/users');
  await page.fill('#user-name', 'Bad Name!');
  await page.selectOption('#user-role', 'liaison');
  await page.fill('#user-password', RESET_PASSWORD);
  await page.click('#user-form button[type="submit"]');
  await page.waitForSelector('#user-name-error:not(:empty)');
  checks.expect((await page.locator('#user-nation-error').textContent()).includes('nation'),
    'a liaison without a nation is refused at the nation field');
  checks.expect((await page.locator('tr.g-user-row').count()) === listed, 'a refused user is not added');

  await page.fill('#user-name', NEW_USER);
  await page.selectOption('#user-nation', 'NO');
  await page.click('#user-form button[type="submit"]');
  await page.waitForSelector(`tr.g-user-row[data-user="${NEW_USER}"]`);
  const row = await page.locator(`tr.g-user-row[data-user="${NEW_USER}"]`).textContent();
  checks.expect(row.includes('national liaison') && row.includes('Norway (NO)') && row.includes('enabled'), `the new liaison is listed ("${row}")`);
  await checkAccessibility(page, tools.axeSource, checks, 'users');
  await screenshots(page, args.out, 'users', checks);

  const other = await (await contextFor()).newPage();
  checks.expect(await logInWith(other, origin, NEW_USER, RESET_PASSWORD), 'the new liaison logs in with its first password');
  await page.click(`#toggle-${NEW_USER}`);
  await page.waitForSelector(`tr.g-user-row[data-user="${NEW_USER}"] .g-status-missing`);
  checks.expect((await page.locator('#users-status').textContent()).includes('disabled'), 'the page says the user is disabled');
  checks.allowError(401, '/api/v1/login');
  const stillIn = await other.evaluate(async () => (await fetch('/api/v1/session')).status);
  checks.expect(stillIn === 401, `a disabled user's open session ends at once (GET /session answers ${stillIn})`);
  checks.expect(!(await logInWith(other, origin, NEW_USER, RESET_PASSWORD)), 'a disabled user cannot log in');

  await page.click(`#toggle-${NEW_USER}`);
  await page.waitForSelector(`tr.g-user-row[data-user="${NEW_USER}"] .g-status-covered`);
  await page.click(`#reset-${NEW_USER}`);
  await page.fill('#reset-password', 'short');
  await page.click('#reset-form button[type="submit"]');
  await page.waitForSelector('#reset-password-error:not(:empty)');
  checks.expect((await page.locator('#reset-password-error').textContent()).includes('characters'),
    'a too-short password is refused at its field with the rule');
  await page.fill('#reset-password', OWN_PASSWORD);
  await page.click('#reset-form button[type="submit"]');
  await page.waitForSelector('#users-status:has-text("New password set")');
  checks.expect(!(await logInWith(other, origin, NEW_USER, RESET_PASSWORD)), 'the old password no longer logs in');
  checks.expect(await logInWith(other, origin, NEW_USER, OWN_PASSWORD, '/account'), 'the new password logs in');
  return other;
}

async function accountFlow(page, origin, tools, args, checks) {
  checks.expect((await page.locator('#account-who').textContent()).includes(NEW_USER), 'the account page names the user');
  checks.expect((await page.locator('#account-link').textContent()) === NEW_USER, 'the header links the user name to the account page');

  checks.allowError(403, '/api/v1/session/password');
  await page.fill('#account-current-password', 'not my password at all');
  await page.fill('#account-new-password', PASSWORD);
  await page.fill('#account-repeat-password', PASSWORD);
  await page.click('#account-password-form button[type="submit"]');
  await page.waitForSelector('#account-current-password-error:not(:empty)');
  checks.expect((await page.locator('#account-current-password-error').textContent()).includes('wrong'),
    'a wrong current password is refused at its field');
  await page.fill('#account-current-password', OWN_PASSWORD);
  await page.fill('#account-repeat-password', `${PASSWORD}x`);
  await page.click('#account-password-form button[type="submit"]');
  await page.waitForSelector('#account-repeat-password-error:not(:empty)');
  await page.fill('#account-current-password', OWN_PASSWORD);
  await page.fill('#account-repeat-password', PASSWORD);
  await page.click('#account-password-form button[type="submit"]');
  await page.waitForSelector('#account-password-status:has-text("Password changed")');
  const stillIn = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
  checks.expect(stillIn === 200, `the session that changed the password stays (GET /session answers ${stillIn})`);

  await page.fill('#account-token-label', 'nightly pledge export');
  await page.click('#account-token-form button[type="submit"]');
  await page.waitForSelector('#account-token-value');
  const token = await page.locator('#account-token-value').textContent();
  const used = await tokenStatus(origin, token);
  checks.expect(used.status === 200 && used.body?.user?.name === NEW_USER, `the token shown once works for a script (HTTP ${used.status})`);
  const id = (await page.locator('tr.g-token-row th').first().textContent()).trim();
  await checkAccessibility(page, tools.axeSource, checks, 'account');
  await screenshots(page, args.out, 'account', checks);
  await page.click(`#revoke-token-${id}`);
  await page.waitForSelector('tr.g-token-row .g-status-missing');
  checks.expect((await page.locator('#account-token-value').count()) === 0, 'the token is no longer shown after the revocation');
  const refused = await tokenStatus(origin, token);
  checks.expect(refused.status === 401, `a revoked token is refused at once (HTTP ${refused.status})`);
}

async function observerFlow(context, origin, checks) {
  const page = await context.newPage();
  await logIn(page, origin, 'observer', '/account');
  checks.expect((await page.locator('#account-password-form').count()) === 1, 'an observer changes its password on its account page');
  checks.expect(!(await page.locator('#nav').textContent()).includes('Users'), 'an observer is not offered the users page');
  await page.goto(`${origin}/users`);
  await page.waitForSelector('body[data-ready="true"]');
  checks.expect((await page.locator('main').textContent()).includes('does not use this page'), 'the users page tells an observer it is not for it');
  await page.close();
}

export async function run({ origin, contextFor, tools, args, checks }) {
  const page = await (await contextFor()).newPage();
  const liaison = await usersFlow(page, origin, tools, args, checks, contextFor);
  await accountFlow(liaison, origin, tools, args, checks);
  await observerFlow(await contextFor(), origin, checks);
}
