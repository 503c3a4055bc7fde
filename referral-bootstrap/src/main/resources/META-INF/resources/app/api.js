// The dashboard's client of the public API. The session (access and refresh token) lives only in this module's
// memory: never in localStorage, sessionStorage, a cookie or a URL, so it dies with the tab. The access token is
// refreshed shortly before it expires, or once after a 401; signing out revokes the session on the server.

const EARLY_REFRESH_MS = 30_000;

let session = null; // { access, refresh, expiresAt }
let refreshing = null;
const endListeners = new Set();

/** An answer other than 2xx; `problem` is the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The service answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The message, with the field errors of a validation problem. */
  describe() {
    const fields = (this.problem.errors || []).map((e) => `${e.field}: ${e.message}`);
    return fields.length ? `${this.message} (${fields.join('; ')})` : this.message;
  }
}

async function body(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

function send(method, path, payload, token) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method,
    headers,
    body: payload === undefined ? undefined : JSON.stringify(payload),
    credentials: 'omit',
    cache: 'no-store',
  });
}

async function tokenRequest(form) {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form),
    credentials: 'omit',
    cache: 'no-store',
  });
  const answer = await body(response);
  if (!response.ok) throw new ApiError(response.status, answer);
  session = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
}

function end() {
  const hadSession = session !== null;
  session = null;
  if (hadSession) endListeners.forEach((listener) => listener());
}

function refresh() {
  if (!refreshing) {
    const token = session && session.refresh;
    refreshing = tokenRequest({ grant_type: 'refresh_token', refresh_token: token })
      .catch((error) => {
        end();
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

/** Signs in with the password grant; the tokens stay in memory. */
export function signIn(username, password) {
  return tokenRequest({ grant_type: 'password', username, password });
}

export function signedIn() {
  return session !== null;
}

/** Called when the session ends: signed out, or refused by the server. */
export function onSessionEnd(listener) {
  endListeners.add(listener);
}

/** A call as the signed-in user; the answer's JSON, or null for 202/204. */
export async function call(method, path, payload) {
  if (!session) throw new ApiError(401, { title: 'You are signed out.' });
  if (Date.now() > session.expiresAt - EARLY_REFRESH_MS) await refresh();
  let response = await send(method, path, payload, session.access);
  if (response.status === 401 && session) {
    await refresh();
    response = await send(method, path, payload, session.access);
  }
  const answer = await body(response);
  if (!response.ok) {
    if (response.status === 401) end();
    throw new ApiError(response.status, answer);
  }
  return answer;
}

/** A call without a session (registration, email confirmation). */
export async function publicCall(method, path, payload) {
  const response = await send(method, path, payload);
  const answer = await body(response);
  if (!response.ok) throw new ApiError(response.status, answer);
  return answer;
}

/** Revokes the session on the server (refresh token family and access token), then forgets it here. */
export async function signOut() {
  try {
    if (session) await call('POST', '/api/v1/auth/logout');
  } finally {
    end();
  }
}
