/** Shared building blocks of the reply DTOs. */

/**
 * An instant as JSON carries it (Date.toISOString()).
 * @format date-time
 */
export type IsoDateTime = string;

/** A local calendar day, YYYY-MM-DD (in the workspace's time zone). */
export type IsoDay = string;

export type Role = 'admin' | 'cm' | 'viewer';
export type Language = 'fr' | 'en';

/** An inclusive range of local days. */
export interface DayPeriodDto {
  from: IsoDay;
  to: IsoDay;
}

/** A keyset page: pass `nextCursor` back as `cursor` for the next one (null: last page). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiError {
  statusCode: number;
  message: string;
  details?: Array<{ field: string; errors: string[] }> | Record<string, unknown>;
  position?: number;
}

export interface HealthDto {
  status: 'ok' | 'degraded' | 'down';
  database: 'up' | 'down';
  queue: 'bullmq' | 'inline';
  queueState: 'up' | 'down';
}
