import type { Ctx, Reply } from '../http/context';
import { graphError } from '../platforms/graph-common';

/** Why an issued token no longer works. */
export type DeadToken = { why: 'expired'; expiredAt: number } | { why: 'revoked' };

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  weekday: 'long',
  day: '2-digit',
  month: 'short',
  year: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** Graph's way of writing a time in its messages: `Tuesday, 02-Dec-25 04:00:00 PST`. */
export function graphPacificTime(ms: number): string {
  const p = Object.fromEntries(PACIFIC.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.weekday}, ${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

/** Graph #190 for a user/Page token that expired (subcode 463) or whose session was invalidated (460). */
export function graphDeadToken(ctx: Ctx, dead: DeadToken): Reply {
  return dead.why === 'expired'
    ? graphError(ctx, 400, 190, `Error validating access token: Session has expired on ${graphPacificTime(dead.expiredAt)}. The current time is ${graphPacificTime(ctx.now)}.`, { error_subcode: 463 })
    : graphError(ctx, 400, 190, 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', { error_subcode: 460 });
}

/**
 * The API's refusal of an access token the sandbox issued that expired or was revoked, in the
 * platform's words; null where the platform says nothing more than its usual invalid-token error
 * (X, TikTok, Reddit: the module's own `authError`).
 */
export function deadTokenError(ctx: Ctx, dead: DeadToken): Reply | null {
  const expired = dead.why === 'expired';
  switch (ctx.platform) {
    case 'facebook':
    case 'instagram':
      return graphDeadToken(ctx, dead);
    case 'youtube':
      return {
        status: 401,
        body: {
          error: {
            code: 401,
            message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
            errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
            status: 'UNAUTHENTICATED',
          },
        },
        headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      };
    case 'linkedin':
      return expired
        ? { status: 401, body: { status: 401, serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' } }
        : { status: 401, body: { status: 401, serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN', message: 'The token used in the request has been revoked by the user' } };
    case 'bluesky':
      // The PDS answers an expired access JWT with a 400 (clients refresh on ExpiredToken).
      return expired ? { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } } : { status: 401, body: { error: 'InvalidToken', message: 'Token has been revoked' } };
    case 'mastodon':
      return { status: 401, body: { error: expired ? 'The access token expired' : 'The access token was revoked' } };
    default:
      return null;
  }
}
