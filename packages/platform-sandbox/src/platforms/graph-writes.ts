import { json } from '../http/context';
import type { Ctx, Reply } from '../http/context';
import type { Comment, Item } from '../world/model';
import { graphError, graphPermissionError, graphUnsupported } from './graph-common';
import { actingAs, logWrite, param } from './write-common';

/** How one Graph platform names its inbox writes. */
export interface GraphWriteSpec {
  platform: 'facebook' | 'instagram';
  /** Edge that creates a comment under a post (`comments`) and under a comment (`comments` / `replies`). */
  replyEdge: { post: string; comment: string };
  /** `POST /{comment-id}` parameter that hides / unhides (`is_hidden` / `hide`). */
  hideParam: string;
  /** Whether `POST|DELETE /{id}/likes` exists (Facebook yes, Instagram no). */
  likes: boolean;
}

/** Both platforms keep two levels: an answer to a reply joins the reply's top-level comment. */
const topLevel = (c: Comment): Comment => (c.parent ? topLevel(c.parent) : c);

/**
 * `POST /{post|comment}/{comments|replies}` (message) → `{id}`, `POST /{comment}` (hide) and
 * `DELETE /{object}` → `{success:true}`, `POST|DELETE /{object}/likes`. Only a token that manages
 * the Page / account owning the post may write; else `(#200)`. Unknown or deleted objects →
 * `Unsupported post|delete request` (code 100, subcode 33).
 */
export function graphWrite(ctx: Ctx, parts: string[], spec: GraphWriteSpec): Reply {
  const [id, edge, extra] = parts;
  if (!id || extra !== undefined) return graphUnsupported(ctx, id ?? '');
  const visible = <T extends { createdAt: number }>(x: T | undefined): T | undefined => (x && x.createdAt <= ctx.now ? x : undefined);
  const post = visible(ctx.world.item(spec.platform, id));
  const comment = post ? undefined : visible(ctx.world.comment(spec.platform, id));
  const item: Item | undefined = post ?? comment?.item;
  if (!item?.account) return graphUnsupported(ctx, id);
  const me = actingAs(ctx, item.account.brandSlug);
  if (!me) return graphPermissionError(ctx);
  const ok = json({ success: true });

  if (ctx.method === 'POST' && edge === (post ? spec.replyEdge.post : spec.replyEdge.comment)) {
    const message = param(ctx, 'message') ?? '';
    if (!message.trim()) return graphError(ctx, 400, 100, '(#100) Missing message or attachment');
    const reply = ctx.world.addReply(item, comment && topLevel(comment), me, message, ctx.now);
    logWrite(ctx, me, 'reply', id, { id: reply.pid, text: message });
    return json({ id: reply.pid });
  }
  if (edge === 'likes' && spec.likes && (ctx.method === 'POST' || ctx.method === 'DELETE')) {
    const like = ctx.method === 'POST';
    if (ctx.world.writes.react(spec.platform, id, me.key, like ? 1 : 0)) logWrite(ctx, me, like ? 'like' : 'unlike', id);
    return ok;
  }
  if (ctx.method === 'POST' && !edge && comment) {
    const raw = param(ctx, spec.hideParam);
    if (raw !== 'true' && raw !== 'false') return graphError(ctx, 400, 100, `(#100) The parameter ${spec.hideParam} is required`);
    const hide = raw === 'true';
    ctx.world.writes.moderate(spec.platform, id, hide ? { status: 'hidden', listed: true, by: me.key } : undefined);
    logWrite(ctx, me, hide ? 'hide' : 'unhide', id, { status: hide ? 'hidden' : 'published' });
    return ok;
  }
  if (ctx.method === 'DELETE' && !edge) {
    // A Page's admins may delete any comment on its posts, and the posts themselves.
    ctx.world.deleteObject(spec.platform, id, me.key, ctx.now, 'cascade');
    logWrite(ctx, me, 'delete', id);
    return ok;
  }
  return graphUnsupported(ctx, id);
}

/** Read-side flags of a Graph comment: hidden by a write, liked by the reading Page. */
export function graphCommentFlags(ctx: Ctx, c: Comment): { hidden: boolean; likedByViewer: boolean } {
  const viewer = c.item.account ? actingAs(ctx, c.item.account.brandSlug) : undefined;
  return {
    hidden: ctx.world.writes.moderation(c.item.platform, c.pid)?.status === 'hidden',
    likedByViewer: ctx.world.writes.reaction(c.item.platform, c.pid, viewer?.key) > 0,
  };
}
