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

// Browsers leave the type of some accepted files empty (OFD above all); the server wants the media type named.
const mediaTypes = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Sends a file as the request body (its media type as Content-Type, its name in ?fileName=), as evidence uploads want. */
export async function upload(url, file) {
  const token = await antiforgery();
  const extension = (file.name.split('.').pop() ?? '').toLowerCase();
  const type = file.type || mediaTypes[extension] || 'application/octet-stream';
  const separator = url.includes('?') ? '&' : '?';
  const response = await fetch(`${url}${separator}fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { Accept: 'application/json', 'Content-Type': type, [token.headerName]: token.token },
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { title: text }; }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
