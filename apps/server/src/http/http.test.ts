import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestPlatform, signInAdmin, type TestPlatform } from '../../test/harness';
import { buildApp } from './app';

// The HTTP contract does not depend on the engine; one is enough here.
describe('HTTP contract', () => {
  let p: TestPlatform;
  let admin: ApiClient;
  beforeAll(async () => {
    p = await createTestPlatform('pglite');
    admin = await signInAdmin(p.app);
  });
  afterAll(() => p?.close());

  it('answers errors as { error: { code, message, details } } with the right status', async () => {
    const cases: Array<
      [Promise<{ statusCode: number; json(): { error: Record<string, unknown> } }>, number, string]
    > = [
      [admin.post('/api/users', { username: '' }), 400, 'VALIDATION_FAILED'],
      [p.app.inject({ method: 'GET', url: '/api/users' }), 401, 'UNAUTHENTICATED'],
      [admin.get('/api/users/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND'],
      [admin.get('/api/no-such-thing'), 404, 'NOT_FOUND'],
      [
        admin.request('POST', '/api/departments', '{"broken', { 'content-type': 'application/json' }),
        400,
        'INVALID_JSON',
      ],
      [
        admin.request('POST', '/api/departments', JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), {
          'content-type': 'application/json',
        }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    for (const [res, status, code] of cases) {
      const r = await res;
      expect(r.statusCode, code).toBe(status);
      const body = r.json();
      expect(body.error.code).toBe(code);
      expect(String(body.error.message)).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error).toHaveProperty('details');
    }
  });

  it('names the wrong field in Chinese', async () => {
    const r = await admin.post('/api/users', {
      username: 'ok_name',
      displayName: '甲',
      role: 'nobody',
      orgUnitCode: '150721',
    });
    expect(r.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.role', message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
    ]);
  });

  it('never sends a stack trace', async () => {
    // A second app on the same context, with a route that fails the way a bug would.
    const app = await buildApp(p.ctx);
    app.get('/api/test-boom', { config: { access: 'public' } }, async () => {
      throw new Error('secret internals at /work/main/x.ts:1');
    });
    const r = await app.inject({ method: 'GET', url: '/api/test-boom' });
    await app.close();
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('internals');
    expect(r.body).not.toContain('x.ts');
    expect(r.json().error).toMatchObject({
      code: 'INTERNAL_ERROR',
      details: { requestId: expect.any(String) },
    });
  });

  it('publishes an OpenAPI document covering every API route', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.info.title).toContain('县域创新驱动发展平台');
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = p.app.routeTable.filter(
      (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    );
    for (const r of routes) expect(documented.has(`${r.method} ${r.url}`), `${r.method} ${r.url}`).toBe(true);
    expect(doc.paths['/api/users'].post.requestBody).toBeDefined();
  });

  it('sets security headers', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
