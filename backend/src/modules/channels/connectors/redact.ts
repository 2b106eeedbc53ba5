/** Query parameters that carry credentials on the platforms we call. */
const SECRET_PARAMS = /^(access_token|key|api_key|apikey|token|client_secret|refresh_token|oauth_token|appsecret_proof|bearer|code)$/i;

/** URL with credential query params replaced by REDACTED (safe for messages and logs). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()]) {
      if (SECRET_PARAMS.test(k)) u.searchParams.set(k, 'REDACTED');
    }
    return u.toString();
  } catch {
    return url.replace(/([?&](?:access_token|key|api_key|token|client_secret)=)[^&#\s]*/gi, '$1REDACTED');
  }
}

/** Removes every known secret value (and credential params inside embedded URLs) from a text. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(
    /([?&](?:access_token|key|api_key|apikey|token|client_secret|refresh_token|oauth_token|appsecret_proof)=)[^&#\s"']*/gi,
    '$1REDACTED',
  );
  for (const s of secrets) {
    // Very short values would redact ordinary words; tokens are long.
    if (s.length >= 6) out = out.split(s).join('[REDACTED]');
  }
  return out;
}

/** Secret-looking values of an account's credentials (everything but obvious ids). */
export function secretsOf(credentials: Record<string, string> | null | undefined): string[] {
  if (!credentials) return [];
  return Object.entries(credentials)
    .filter(([k]) => !/(id|username|handle|useragent)$/i.test(k))
    .map(([, v]) => v)
    .filter((v) => typeof v === 'string' && v.length > 0);
}
