import { HttpException } from '@nestjs/common';
import { ConnectorErrorCode, isConnectorError } from '../channels/connectors/connector-error';

/** A platform refusal as the CM reads it: a stable code (the UI translates it), an HTTP status and a sentence. */
export interface ReplyFailure {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
}

/** Maps a connector's failure to what the CM is told (the draft is kept whatever happens). */
export function replyFailureOf(e: unknown, platform: string): ReplyFailure {
  if (!isConnectorError(e)) {
    return { status: 502, code: 'UNAVAILABLE', message: `${platform} could not be reached: ${e instanceof Error ? e.message : String(e)}`, retryAfterSeconds: null };
  }
  const retryAfterSeconds = e.retryAfterMs === null ? null : Math.max(1, Math.ceil(e.retryAfterMs / 1000));
  if (e.reason === 'target_gone') {
    return { status: 410, code: 'target_gone', message: `This comment no longer exists on ${platform} (deleted by its author or a moderator): the reply was not posted.`, retryAfterSeconds: null };
  }
  if (e.reason === 'permission_missing') {
    return { status: 403, code: 'permission_missing', message: `Vigie's access to this ${platform} account lacks the permission to do this: reconnect the account and grant the reply/moderation permission.`, retryAfterSeconds: null };
  }
  switch (e.code) {
    case ConnectorErrorCode.RATE_LIMITED:
    case ConnectorErrorCode.QUOTA:
      return {
        status: 429,
        code: e.code,
        message: `${platform} is limiting requests${retryAfterSeconds ? `: try again in ${retryAfterSeconds} s` : ''}. The draft is kept.`,
        retryAfterSeconds,
      };
    case ConnectorErrorCode.AUTH:
      return { status: 403, code: 'AUTH', message: `${platform} refused Vigie's access to this account: reconnect it in Channels.`, retryAfterSeconds: null };
    case ConnectorErrorCode.NOT_FOUND:
      return { status: 410, code: 'target_gone', message: `This comment no longer exists on ${platform}: the reply was not posted.`, retryAfterSeconds: null };
    case ConnectorErrorCode.BAD_REQUEST:
      return { status: 422, code: 'BAD_REQUEST', message: `${platform} refused the reply: ${e.message}`, retryAfterSeconds: null };
    case ConnectorErrorCode.MALFORMED:
    case ConnectorErrorCode.UNAVAILABLE:
      return { status: 502, code: e.code, message: `${platform} is unavailable right now (${e.message}). The draft is kept: try again.`, retryAfterSeconds };
  }
}

/** The HTTP error of a refused write: `{statusCode, message, details: {code, replyId, retryAfterSeconds}}`. */
export function replyHttpError(f: ReplyFailure, replyId: string | null): HttpException {
  return new HttpException(
    { statusCode: f.status, message: f.message, details: { code: f.code, replyId, retryAfterSeconds: f.retryAfterSeconds } },
    f.status,
  );
}
