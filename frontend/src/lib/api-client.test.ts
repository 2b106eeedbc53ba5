import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, setCsrfToken, setUnauthorizedHandler } from './api-client';

function mockFetch(status: number, body: unknown, statusText = '') {
  const fn = vi.fn(async (_url: string, _init?: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, statusText }),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('buildUrl', () => {
  it('prefixes /api and drops empty query values', () => {
    expect(buildUrl('/workspaces/1/kpis', { brandId: 'b', from: '2025-01-01', to: undefined, x: '' })).toBe(
      '/api/workspaces/1/kpis?brandId=b&from=2025-01-01',
    );
  });
});

describe('request', () => {
  it('sends the CSRF token on writes only, with same-origin credentials', async () => {
    const fetchFn = mockFetch(200, { ok: true });
    setCsrfToken('tok123');
    await api.post('/things', { a: 1 });
    await api.get('/things');
    const [, postInit] = fetchFn.mock.calls[0];
    const [, getInit] = fetchFn.mock.calls[1];
    expect((postInit?.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok123');
    expect(postInit?.credentials).toBe('same-origin');
    expect(postInit?.body).toBe('{"a":1}');
    expect((getInit?.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('maps an error body to a typed ApiError', async () => {
    mockFetch(403, { statusCode: 403, message: 'Viewers cannot do that' });
    const err = await api.post('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect((err as ApiError).message).toBe('Viewers cannot do that');
  });

  it('calls the unauthorized handler on 401', async () => {
    mockFetch(401, { statusCode: 401, message: 'Not signed in' });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(api.get('/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const err = (await api.get('/x').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.isNetwork).toBe(true);
  });

  it('returns undefined on 204', async () => {
    mockFetch(204, undefined);
    await expect(api.delete('/x')).resolves.toBeUndefined();
  });
});
