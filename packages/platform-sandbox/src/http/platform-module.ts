import type { Ctx, Reply } from './context';

export interface RateState {
  limit: number;
  remaining: number;
  /** Epoch ms when the window resets. */
  resetAt: number;
  used: number;
  windowMs: number;
}

export interface PlatformModule {
  /** Whether requests need a known token (`optional`: checked only when one is sent). */
  auth: 'required' | 'optional' | 'none';
  handle(ctx: Ctx): Reply;
  authError(ctx: Ctx): Reply;
  rateLimitError(ctx: Ctx, retryAfterSeconds: number, state?: RateState): Reply;
  serverError(ctx: Ctx): Reply;
  /** Rate-limit window for this request: bucket name, limit, window, and cost. */
  rateBucket?(ctx: Ctx): { bucket: string; limit: number; windowMs: number; cost?: number; windowStart?: (now: number) => number };
  /** Headers that announce the rate-limit state on every answer. */
  rateHeaders?(state: RateState, ctx: Ctx): Record<string, string>;
}
