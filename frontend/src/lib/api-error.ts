/** A failed API call, carrying the backend's `{ statusCode, message, details?, position? }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: unknown;
  /** Query-syntax errors point at a character of the query. */
  readonly position: number | undefined;

  constructor(status: number, message: string, details?: unknown, position?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
    this.position = position;
  }

  /** Validation errors list the failing field paths. */
  get fieldErrors(): Array<{ field: string; errors: string[] }> {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is { field: string; errors: string[] } =>
        typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string',
    );
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/**
 * Builds an ApiError from a non-2xx response body. Proxies and crashes may answer with HTML or
 * nothing, so anything that is not the backend's JSON shape falls back to the HTTP status text.
 */
export function toApiError(status: number, statusText: string, bodyText: string): ApiError {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    const message = Array.isArray(b.message)
      ? b.message.filter((m) => typeof m === 'string').join('; ')
      : typeof b.message === 'string'
        ? b.message
        : '';
    const position = typeof b.position === 'number' ? b.position : undefined;
    if (message) return new ApiError(status, message, b.details, position);
  }
  return new ApiError(status, statusText || `HTTP ${status}`);
}
