/** Keys whose values never reach the audit log (tokens, passwords, channel credentials…). */
const SECRET_KEY = /pass(word)?|secret|token|credential|authori[sz]ation|cookie|api[-_]?key|private|signature/i;

/**
 * A request body made safe for the audit log: secret-looking keys dropped (their names kept,
 * so "credentials were changed" stays visible), long strings and arrays cut, depth bounded.
 */
export function sanitizeForAudit(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (depth >= 3) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => sanitizeForAudit(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : sanitizeForAudit(v, depth + 1);
    }
    return out;
  }
  return undefined;
}
