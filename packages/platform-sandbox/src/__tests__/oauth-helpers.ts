import { createHash, randomBytes } from 'node:crypto';
import { get } from './helpers';
import type { Json } from './helpers';

/** A PKCE pair (RFC 7636, S256). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const basicAuth = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const unescapeHtml = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([a-zA-Z_:-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], unescapeHtml(m[2] ?? '')]));
}

/** The consent page's form, read the way a browser submits it. */
export interface ConsentForm {
  html: string;
  action: string;
  method: string;
  /** Hidden fields and the checked account radio. */
  fields: URLSearchParams;
  /** The account radios' name and values (platforms that ask which account to act as). */
  accountField?: string;
  accounts: string[];
  buttons: Record<'allow' | 'deny', { name: string; value: string }>;
}

export async function openConsent(url: string): Promise<ConsentForm> {
  const r = await fetch(url);
  const html = await r.text();
  if (r.status !== 200) throw new Error(`consent page ${r.status}: ${html.slice(0, 300)}`);
  if (!(r.headers.get('content-type') ?? '').startsWith('text/html')) throw new Error('consent page is not HTML');
  const form = /<form([^>]*)>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('no form on the consent page');
  const f = attrs(`<form${form[1]}>`);
  const fields = new URLSearchParams();
  const accounts: string[] = [];
  let accountField: string | undefined;
  for (const m of form[2].matchAll(/<input([^>]*)>/g)) {
    const a = attrs(`<input${m[1]}>`);
    if (a.type === 'hidden') fields.append(a.name, a.value);
    if (a.type === 'radio') {
      accountField = a.name;
      accounts.push(a.value);
      if ('checked' in a) fields.set(a.name, a.value);
    }
  }
  const buttons = {} as ConsentForm['buttons'];
  for (const m of form[2].matchAll(/<button([^>]*)>/g)) {
    const a = attrs(`<button${m[1]}>`);
    if (a.id === 'sandbox-allow') buttons.allow = { name: a.name, value: a.value };
    if (a.id === 'sandbox-deny') buttons.deny = { name: a.name, value: a.value };
  }
  if (!buttons.allow || !buttons.deny) throw new Error('no #sandbox-allow / #sandbox-deny button');
  return { html, action: new URL(f.action || url, url).toString(), method: (f.method || 'get').toUpperCase(), fields, accountField, accounts, buttons };
}

/** Clicks Allow or Deny (optionally choosing the account first): the platform's redirect. */
export async function submitConsent(form: ConsentForm, decision: 'allow' | 'deny', account?: string): Promise<URL> {
  const body = new URLSearchParams(form.fields);
  if (account) {
    if (!form.accountField || !form.accounts.includes(account)) throw new Error(`account ${account} is not offered (${form.accounts.join(', ')})`);
    body.set(form.accountField, account);
  }
  body.set(form.buttons[decision].name, form.buttons[decision].value);
  const res = await fetch(form.action, { method: form.method, body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent answer ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return new URL(location);
}

/** POSTs a form (a token endpoint). */
export function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Json }> {
  return get(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

export const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });
