/**
 * Plays the user's part on a sandbox consent page over real HTTP: loads the page the authorize
 * URL shows, posts its form back with Allow or Deny (and the account to act as), and returns the
 * redirect the platform sends the browser to.
 */
export async function consent(authorizeUrl: string, decision: 'allow' | 'deny', account?: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page ${page.status}: ${html.slice(0, 300)}`);
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) form.set(unescape(m[1]), unescape(m[2]));
  form.set('sandbox_decision', decision);
  if (account) form.set('sandbox_account', account);
  const res = await fetch(authorizeUrl, { method: 'POST', body: form, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent answer ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return new URL(location);
}

/** The path and query of a URL (what supertest requests against the app). */
export const pathOf = (u: URL | string): string => {
  const url = typeof u === 'string' ? new URL(u) : u;
  return `${url.pathname}${url.search}`;
};
