import type { Reply } from '../http/context';

export interface ConsentChoice {
  key: string;
  label: string;
}

export interface ConsentPageInput {
  platform: string;
  appName: string;
  clientId: string;
  scopes: string[];
  /** The authorization request, posted back with the decision. */
  hidden: Record<string, string>;
  choices: ConsentChoice[];
  /** The platform asks which account to act as (X, TikTok, Mastodon); otherwise it lists what is shared. */
  pickOne: boolean;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1c1e21}` +
  `.card{border:1px solid #dadde1;border-radius:8px;padding:1.5rem}button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem;border-radius:6px;border:1px solid #888;cursor:pointer}` +
  `#sandbox-allow{background:#1877f2;color:#fff;border-color:#1877f2}li{margin:.2rem 0}.muted{color:#65676b;font-size:.9rem}</style></head><body>${body}</body></html>`;

/** The platform's consent dialog, as the sandbox user "Camille Martin" sees it (every value escaped). */
export function consentPage(input: ConsentPageInput): Reply {
  const hidden = Object.entries(input.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const accounts = input.pickOne
    ? `<fieldset><legend>Continuer en tant que / Continue as</legend>${input.choices
        .map((c, i) => `<label><input type="radio" name="sandbox_account" value="${escapeHtml(c.key)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(c.label)}</label><br>`)
        .join('')}</fieldset>`
    : `<p>Accès partagé / Shared access:</p><ul>${input.choices.map((c) => `<li data-account="${escapeHtml(c.key)}">${escapeHtml(c.label)}</li>`).join('')}</ul>`;
  const scopes = input.scopes.length ? `<p class="muted">Autorisations / Permissions: ${input.scopes.map(escapeHtml).join(', ')}</p>` : '';
  const body =
    `<div class="card"><h1>${escapeHtml(input.platform)} (sandbox)</h1>` +
    `<p><strong>${escapeHtml(input.appName)}</strong> <span class="muted">(${escapeHtml(input.clientId)})</span> demande l'accès à votre compte / wants access to your account.</p>` +
    `<p>Connecté en tant que / Signed in as <strong>Camille Martin (sandbox)</strong></p>` +
    `<form method="post">${hidden}${accounts}${scopes}` +
    `<button id="sandbox-allow" type="submit" name="sandbox_decision" value="allow">Autoriser / Allow</button>` +
    `<button id="sandbox-deny" type="submit" name="sandbox_decision" value="deny">Refuser / Cancel</button></form></div>`;
  return { status: 200, body: page(`${input.platform} — consent`, body), contentType: 'text/html; charset=utf-8' };
}

/** What the platforms show instead of redirecting when the request itself is wrong (unknown app, bad redirect URI). */
export function errorPage(platform: string, message: string): Reply {
  return {
    status: 400,
    body: page(`${platform} — error`, `<div class="card"><h1>${escapeHtml(platform)} (sandbox)</h1><p id="sandbox-error">${escapeHtml(message)}</p></div>`),
    contentType: 'text/html; charset=utf-8',
  };
}
