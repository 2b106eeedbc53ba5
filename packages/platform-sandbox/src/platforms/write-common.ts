import type { Ctx } from '../http/context';
import type { SandboxAccount } from '../types';
import type { WriteAction } from '../world/writes';

/** Every account of this platform the request's token reaches (manifest token, or an issued OAuth token). */
function reach(ctx: Ctx): SandboxAccount[] {
  const all = [ctx.tokenAccount, ...(ctx.tokenAccounts ?? [])].filter((a): a is SandboxAccount => !!a && a.platform === ctx.platform);
  return [...new Set(all)];
}

/** The account the token may act as for `brandSlug` on this platform (Page, channel, org admin…). */
export function actingAs(ctx: Ctx, brandSlug: string): SandboxAccount | undefined {
  return reach(ctx).find((a) => a.brandSlug === brandSlug);
}

/** The token's own account: who a write lands as on the open platforms (X, Mastodon, Bluesky, Reddit, YouTube). */
export function writer(ctx: Ctx): SandboxAccount | undefined {
  const r = reach(ctx);
  return ctx.tokenAccount?.platform === ctx.platform ? ctx.tokenAccount : r.length === 1 ? r[0] : undefined;
}

/** The request body as an object of fields (JSON or form-encoded; both are parsed by the server). */
export function bodyOf(ctx: Ctx): Record<string, unknown> {
  const b = ctx.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** A write parameter from the form/JSON body, else the query string (Graph and Reddit accept both). */
export function param(ctx: Ctx, name: string): string | undefined {
  const v = bodyOf(ctx)[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return ctx.query.get(name) ?? undefined;
}

/** Records a successful write in the World's log (what `GET /__sandbox/writes` lists). */
export function logWrite(
  ctx: Ctx,
  by: SandboxAccount,
  action: WriteAction,
  target: string,
  extra: { id?: string; text?: string; status?: string } = {},
): void {
  ctx.world.writes.log({ platform: ctx.platform, action, account: by.key, target, ...extra }, ctx.now);
}

/** A reply's text starts with the @handle it answers (added unless the author typed it). */
export function withMention(username: string, text: string): string {
  return text.toLowerCase().startsWith(`@${username.toLowerCase()}`) ? text : `@${username} ${text}`;
}
