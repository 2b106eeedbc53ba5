import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the backend message, status and validation details', () => {
    const body = JSON.stringify({
      statusCode: 400,
      message: 'email must be an email',
      details: [{ field: 'email', errors: ['email must be an email'] }],
    });
    const err = toApiError(400, 'Bad Request', body);
    expect(err.status).toBe(400);
    expect(err.message).toBe('email must be an email');
    expect(err.fieldErrors).toEqual([{ field: 'email', errors: ['email must be an email'] }]);
  });

  it('carries the position of a query-syntax error', () => {
    const err = toApiError(400, 'Bad Request', JSON.stringify({ statusCode: 400, message: 'Expected a term', position: 12 }));
    expect(err.position).toBe(12);
  });

  it('joins array messages', () => {
    const err = toApiError(400, '', JSON.stringify({ statusCode: 400, message: ['a is bad', 'b is bad'] }));
    expect(err.message).toBe('a is bad; b is bad');
  });

  it('falls back to the status text for HTML or empty bodies', () => {
    expect(toApiError(502, 'Bad Gateway', '<html>proxy</html>').message).toBe('Bad Gateway');
    const empty = toApiError(500, '', '');
    expect(empty.message).toBe('HTTP 500');
    expect(empty.fieldErrors).toEqual([]);
  });
});
