import type { AnswerCapabilities } from './channel-connector';
import { ConnectorError, ConnectorErrorCode, isConnectorError, type ConnectorErrorReason } from './connector-error';

/** A connector declares only the answer actions its platform allows; everything else is off. */
export function answerCapabilities(can: Partial<AnswerCapabilities>): AnswerCapabilities {
  return { reply: false, hide: false, delete: false, like: false, idempotent: false, ...can };
}

const GRAPH_MISSING_OBJECT_SUBCODE = 33;
const GRAPH_PERMISSION_CODES = new Set([10, 200, 3]);

/**
 * Refines a write's failure with what it means for the CM (the code stays the HttpClient's, so
 * retry decisions do not change): the target comment is gone (404/410, Graph #100 subcode 33,
 * "not found" / "deleted" texts), or the token lacks the permission (403, Graph #10/#200), or a
 * record with this key already exists (409, "already exists"). Anything else is rethrown as is.
 */
export function refineWriteError(e: unknown, what: string): unknown {
  if (!isConnectorError(e)) return e;
  const text = `${e.message} ${e.snippet ?? ''}`.toLowerCase();
  let reason: ConnectorErrorReason | null = null;
  let code = e.code;
  if (
    e.code === ConnectorErrorCode.NOT_FOUND ||
    e.platformSubcode === GRAPH_MISSING_OBJECT_SUBCODE ||
    (e.code === ConnectorErrorCode.BAD_REQUEST && /does not exist|not found|deleted|no longer available|could not locate/.test(text))
  ) {
    reason = 'target_gone';
    code = ConnectorErrorCode.NOT_FOUND;
  } else if (/already exists/.test(text) || e.status === 409) {
    reason = 'already_exists';
  } else if (
    e.code === ConnectorErrorCode.AUTH &&
    (e.status === 403 || (typeof e.platformCode === 'number' && GRAPH_PERMISSION_CODES.has(e.platformCode)) || /permission|scope|forbidden/.test(text))
  ) {
    reason = 'permission_missing';
  }
  if (reason === null) return e;
  return new ConnectorError(code, e.message.startsWith(what) ? e.message : `${what}: ${e.message}`, {
    status: e.status,
    retryAfterMs: e.retryAfterMs,
    path: e.path,
    snippet: e.snippet,
    platformCode: e.platformCode,
    platformSubcode: e.platformSubcode,
    reason,
  });
}

/** Runs one write and refines its failure (see refineWriteError). */
export async function write<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw refineWriteError(e, what);
  }
}
