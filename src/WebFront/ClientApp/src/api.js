// Calls the HTTP API with the session cookie and the anti-forgery token; refusals become ApiError with the server's reasons.
let xsrf = null;

export class ApiError extends Error {
  constructor(status, problem) {
    const errors = problem?.errors ? Object.entries(problem.errors).map(([f, r]) => `${f}: ${r.join(' ')}`) : [];
    super(errors.length ? errors.join('; ') : (problem?.title ?? `HTTP ${status}`));
    this.status = status;
    this.problem = problem;
  }
}

async function antiforgery() {
  if (!xsrf) {
    const response = await fetch('/api/auth/antiforgery', { credentials: 'same-origin' });
    xsrf = await response.json();
  }
  return xsrf;
}

export async function api(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    const token = await antiforgery();
    headers[token.headerName] = token.token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && !url.startsWith('/api/auth/')) location.hash = '#/signin';
    throw new ApiError(response.status, data);
  }
  return data;
}

/** After sign-in or sign-out the anti-forgery token belongs to another identity. */
export function forgetAntiforgery() { xsrf = null; }

/** Parses "1234.56" yuan into fen exactly (no floating point); null if it is not an amount. */
export function parseYuan(text) {
  const match = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text ?? '');
  if (!match) return null;
  return Number(BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0')));
}
