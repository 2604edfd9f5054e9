// The JSON API under /api/v1 as the pages use it: the session cookie goes with every request,
// and state-changing requests carry the session's CSRF token (docs/workspace.md, "The HTTP API").

let csrfToken = null;

/// An answer other than 2xx, with the API's stable code, message and JSON pointer (`where`).
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `the server answered ${status}`);
    this.status = status;
    this.code = body?.code ?? 'unknown';
    this.where = body?.where ?? '';
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/// api('GET', '/weeks') -> {data, etag, status}; throws ApiError for any status >= 400.
export async function api(method, path, body = undefined, headers = {}) {
  const init = { method, headers: { ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) init.headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, init);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text };
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, etag: response.headers.get('ETag'), status: response.status };
}
