// The one way the web app talks to the server. Everything the API contract promises about
// errors, sessions and CSRF is handled here so pages only deal with data.

/** Query parameters: any object whose values are strings, numbers, booleans or empty. */
export type Query = object;

/** An error answer of the API, `{ error: { code, message, details } }`, or a failure to reach it. */
export class ApiError extends Error {
  readonly code: string;
  readonly details: unknown;
  readonly status: number;
  /** True when `message` is the server's (Chinese) text, false for errors made up on this side. */
  readonly fromServer: boolean;

  constructor(code: string, message: string, details: unknown, status: number, fromServer = true) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
    this.status = status;
    this.fromServer = fromServer;
  }
}

/** Codes this side invents when there is no usable server answer; the UI has text for each. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'BAD_RESPONSE'] as const;

/** Turns an HTTP error status and its parsed body into an ApiError. Pure, so it is unit-tested. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: unknown }).error;
    if (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string') {
      const { code, message, details } = e as { code: string; message?: unknown; details?: unknown };
      return new ApiError(code, typeof message === 'string' ? message : '', details ?? null, status, true);
    }
  }
  // A proxy's HTML error page, an empty 502 …: keep the status so the cause stays visible.
  return new ApiError('BAD_RESPONSE', `HTTP ${status}`, null, status, false);
}

/** `/api` + path + query string; empty filter values are left out so the server sees no filter. */
export function buildUrl(path: string, query?: Query): string {
  const url = `/api${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new TypeError(`query parameter ${k} must be a string, number or boolean`);
    }
    params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** File name from a Content-Disposition header; prefers RFC 5987 `filename*=` (Chinese names). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*("?)([^";]+)\1/.exec(header);
  return plain ? plain[2].trim() : fallback;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** The caller shows the error itself (e.g. inline in a form); no global notice. */
  quiet?: boolean;
  /**
   * A 401 is an expected answer, not an expired session: the sign-in call and the start-up
   * "who am I" probe. Such calls never redirect to the sign-in page.
   */
  expectUnauthenticated?: boolean;
}

export interface ClientHooks {
  /** The session ended (401 outside sign-in): the app goes to the sign-in page with a notice. */
  onSessionExpired(error: ApiError): void;
  /** 403 PASSWORD_CHANGE_REQUIRED: the app goes to the password change page. */
  onPasswordChangeRequired(error: ApiError): void;
  /** Show an error the caller did not ask to handle itself. */
  onError(error: ApiError): void;
}

const noHooks: ClientHooks = { onSessionExpired() {}, onPasswordChangeRequired() {}, onError() {} };

export function createApiClient(fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  let csrfToken: string | null = null;
  let hooks: ClientHooks = noHooks;

  async function send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    let body: string | FormData | undefined;
    // File uploads go as multipart: the browser sets the content type with its boundary.
    if (opts.body instanceof FormData) body = opts.body;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
    let res: Response;
    try {
      res = await fetchImpl(buildUrl(path, opts.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (cause) {
      if (opts.signal?.aborted) throw cause;
      const err = new ApiError('NETWORK_ERROR', String(cause), null, 0, false);
      if (!opts.quiet) hooks.onError(err);
      throw err;
    }
    if (res.ok) return res;
    const err = toApiError(res.status, await res.json().catch(() => null));
    if (res.status === 401 && !opts.expectUnauthenticated) {
      csrfToken = null;
      hooks.onSessionExpired(err);
    } else if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') {
      hooks.onPasswordChangeRequired(err);
    } else if (!opts.quiet) {
      hooks.onError(err);
    }
    throw err;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await send(method, path, opts, 'application/json');
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      const err = new ApiError('BAD_RESPONSE', 'response is not JSON', null, res.status, false);
      if (!opts.quiet) hooks.onError(err);
      throw err;
    }
  }

  return {
    setHooks(next: ClientHooks) {
      hooks = next;
    },
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    request,
    get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
    post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
      request<T>('POST', path, { ...opts, body: body ?? {} }),
    patch: <T>(path: string, body: unknown, opts?: RequestOptions) =>
      request<T>('PATCH', path, { ...opts, body }),
    del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
    /** Fetches a file (e.g. an .xlsx export) with the session and returns it with its file name. */
    async download(path: string, fallbackName: string, opts: RequestOptions = {}) {
      const res = await send('GET', path, opts, '*/*');
      const blob = await res.blob();
      return {
        blob,
        filename: filenameFromDisposition(res.headers.get('content-disposition'), fallbackName),
      };
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client; tests make their own with createApiClient(fakeFetch). */
export const api = createApiClient();

/** Hands a downloaded file to the browser's save dialog. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
