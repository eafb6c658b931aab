import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  buildUrl,
  type ClientHooks,
  createApiClient,
  filenameFromDisposition,
  toApiError,
} from './client';

describe('toApiError', () => {
  it('keeps code, message, details and status of the contract error body', () => {
    const e = toApiError(423, {
      error: {
        code: 'ACCOUNT_LOCKED',
        message: '账户已锁定',
        details: { lockedUntil: '2026-11-21T10:00:00Z' },
      },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message, e.status, e.fromServer]).toEqual(['ACCOUNT_LOCKED', '账户已锁定', 423, true]);
    expect(e.details).toEqual({ lockedUntil: '2026-11-21T10:00:00Z' });
  });

  it('turns a body that is not the contract shape into BAD_RESPONSE with the status', () => {
    for (const body of [null, '<html>502</html>', { message: 'x' }, { error: 'boom' }]) {
      const e = toApiError(502, body);
      expect([e.code, e.status, e.fromServer]).toEqual(['BAD_RESPONSE', 502, false]);
    }
  });

  it('gives null details when the server sent none', () => {
    expect(toApiError(400, { error: { code: 'X', message: 'm' } }).details).toBeNull();
  });
});

describe('buildUrl', () => {
  it('prefixes /api and leaves out empty filters', () => {
    expect(buildUrl('/users', { q: '', role: undefined, orgUnitCode: null, page: 1, pageSize: 20 })).toBe(
      '/api/users?page=1&pageSize=20',
    );
  });
  it('encodes Chinese text and booleans', () => {
    expect(buildUrl('login-log', { username: '张三', success: false })).toBe(
      '/api/login-log?username=%E5%BC%A0%E4%B8%89&success=false',
    );
  });
  it('refuses an object value rather than sending [object Object]', () => {
    expect(() => buildUrl('/x', { a: { b: 1 } })).toThrow(TypeError);
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('操作日志.xlsx')}`,
        'f',
      ),
    ).toBe('操作日志.xlsx');
  });
  it('falls back to the plain name, then to the given default', () => {
    expect(filenameFromDisposition('attachment; filename="login-log.xlsx"', 'f')).toBe('login-log.xlsx');
    expect(filenameFromDisposition(null, 'f.xlsx')).toBe('f.xlsx');
  });
});

function fakeServer(status: number, body: unknown) {
  return vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
}

const headersOf = (init: RequestInit | undefined) => (init?.headers ?? {}) as Record<string, string>;

function hooks() {
  return {
    onSessionExpired: vi.fn(),
    onPasswordChangeRequired: vi.fn(),
    onError: vi.fn(),
  } satisfies ClientHooks;
}

describe('createApiClient', () => {
  it('sends the CSRF token on state-changing requests only, always with same-origin credentials', async () => {
    const fetch = fakeServer(200, { ok: true });
    const api = createApiClient(fetch);
    api.setCsrfToken('tok-1');
    await api.get('/auth/me');
    await api.post('/users', { username: 'a' });
    await api.patch('/users/1', { version: 1 });
    await api.del('/departments/2', { query: { version: 3 } });
    const calls = fetch.mock.calls.map(([url, init]) => ({
      url,
      method: init?.method,
      csrf: headersOf(init)['x-csrf-token'],
      credentials: init?.credentials,
    }));
    expect(calls).toEqual([
      { url: '/api/auth/me', method: 'GET', csrf: undefined, credentials: 'same-origin' },
      { url: '/api/users', method: 'POST', csrf: 'tok-1', credentials: 'same-origin' },
      { url: '/api/users/1', method: 'PATCH', csrf: 'tok-1', credentials: 'same-origin' },
      { url: '/api/departments/2?version=3', method: 'DELETE', csrf: 'tok-1', credentials: 'same-origin' },
    ]);
    expect(JSON.parse(fetch.mock.calls[1][1]?.body as string)).toEqual({ username: 'a' });
  });

  it('on 401 reports an ended session, forgets the CSRF token and throws', async () => {
    const fetch = fakeServer(401, { error: { code: 'SESSION_EXPIRED', message: '会话已超时' } });
    const api = createApiClient(fetch);
    const h = hooks();
    api.setHooks(h);
    api.setCsrfToken('tok');
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(h.onSessionExpired).toHaveBeenCalledTimes(1);
    expect(h.onError).not.toHaveBeenCalled();
    fetch.mockImplementation(fakeServer(200, {}));
    await api.post('/x');
    expect(headersOf(fetch.mock.calls[1][1])['x-csrf-token']).toBeUndefined();
  });

  it('does not treat 401 from sign-in as an expired session', async () => {
    const api = createApiClient(
      fakeServer(401, { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } }),
    );
    const h = hooks();
    api.setHooks(h);
    await expect(
      api.post('/auth/login', {}, { quiet: true, expectUnauthenticated: true }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(h.onSessionExpired).not.toHaveBeenCalled();
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('sends a pending forced password change to its page', async () => {
    const api = createApiClient(
      fakeServer(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' } }),
    );
    const h = hooks();
    api.setHooks(h);
    await expect(api.get('/users')).rejects.toBeInstanceOf(ApiError);
    expect(h.onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('shows other errors unless the caller handles them', async () => {
    const api = createApiClient(
      fakeServer(409, { error: { code: 'VERSION_CONFLICT', message: '已被修改' } }),
    );
    const h = hooks();
    api.setHooks(h);
    await expect(api.patch('/users/1', { version: 1 })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(h.onError).toHaveBeenCalledTimes(1);
    await expect(api.patch('/users/1', { version: 1 }, { quiet: true })).rejects.toMatchObject({
      status: 409,
    });
    expect(h.onError).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    const api = createApiClient(async () => {
      throw new TypeError('fetch failed');
    });
    const h = hooks();
    api.setHooks(h);
    await expect(api.get('/health')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
      fromServer: false,
    });
    expect(h.onError).toHaveBeenCalledTimes(1);
  });

  it('passes an abort through without reporting it', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const api = createApiClient(async (_u, init) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return new Response('{}');
    });
    const h = hooks();
    api.setHooks(h);
    await expect(api.get('/org-units', { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('downloads a file with its name', async () => {
    const api = createApiClient(
      async () =>
        new Response(new Uint8Array([80, 75]), {
          headers: { 'content-disposition': 'attachment; filename="login-log.xlsx"' },
        }),
    );
    const { blob, filename } = await api.download('/login-log/export', 'fallback.xlsx');
    expect(filename).toBe('login-log.xlsx');
    expect(blob.size).toBe(2);
  });
});
