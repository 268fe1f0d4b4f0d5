/**
 * The few things that need the server: number reputation, community reports and stats.
 * Same origin only (the server serves this app). Every call fails soft: the page says the
 * community part is not available and everything else keeps working offline.
 */
export interface ApiProblem {
  title: string;
  detail: string;
  howToFix?: string;
  code?: string;
  pointer?: string;
}

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; offline: true; message: string }
  | { ok: false; offline: false; status: number; problem: ApiProblem };

const TIMEOUT_MS = 8000;
const OFFLINE_MESSAGE =
  'The CallGuard server could not be reached. Everything else on this page still works.';

function apiUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), new URL('./', window.location.href)).toString();
}

async function request<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(apiUrl(path), {
      ...init,
      signal: controller.signal,
      headers: { accept: 'application/json', ...(init.headers ?? {}) },
      credentials: 'same-origin',
    });
    const type = response.headers.get('content-type') ?? '';
    const isJson = type.includes('json');
    const body: unknown = isJson ? await response.json() : null;
    if (response.ok && isJson) return { ok: true, data: body as T };
    if (!response.ok && isJson && body && typeof body === 'object' && 'title' in body) {
      return { ok: false, offline: false, status: response.status, problem: body as ApiProblem };
    }
    // Anything else (a static server without the API, an HTML error page) means "no API here".
    return { ok: false, offline: true, message: OFFLINE_MESSAGE };
  } catch {
    return { ok: false, offline: true, message: OFFLINE_MESSAGE };
  } finally {
    clearTimeout(timer);
  }
}

export function getJson<T>(path: string): Promise<ApiResult<T>> {
  return request<T>(path);
}

export function postJson<T>(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  return request<T>(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const REPORTER_KEY = 'callguard.reporterKey';

/** An anonymous token for this browser, so repeated reports from one person count once. */
export function reporterKey(): string {
  try {
    const existing = window.localStorage.getItem(REPORTER_KEY);
    if (existing) return existing;
    const fresh = crypto.randomUUID();
    window.localStorage.setItem(REPORTER_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}
