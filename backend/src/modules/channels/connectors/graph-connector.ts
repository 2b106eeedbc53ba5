import type { AnswerTarget, ConnectorAccount, PostedReply } from './channel-connector';
import { HttpConnector } from './http-connector';
import { graphCall, graphDeleteComment, graphReply, graphSetHidden, type GraphCall, type GraphCommentDialect } from './meta-graph';

/**
 * What the two Graph products (Facebook Pages, Instagram) share: the account's Graph call and
 * the comment writes, which differ only by the comment dialect.
 */
export abstract class GraphConnector extends HttpConnector {
  abstract readonly platform: 'facebook' | 'instagram';
  protected abstract readonly commentDialect: GraphCommentDialect;

  protected call(account: ConnectorAccount, what: string): GraphCall {
    return graphCall(this.http, account, what);
  }

  /** `POST /{comment-id}/{replyEdge} message=…` as the account. */
  async reply(account: ConnectorAccount, target: AnswerTarget, text: string): Promise<PostedReply> {
    return graphReply(this.call(account, `${this.platform} reply`), this.commentDialect, target, text);
  }

  /** `POST /{comment-id} {hideField}=true|false`. */
  async setHidden(account: ConnectorAccount, target: AnswerTarget, hidden: boolean): Promise<void> {
    await graphSetHidden(this.call(account, `${this.platform} ${hidden ? 'hide' : 'unhide'} comment`), this.commentDialect, target, hidden);
  }

  async deleteComment(account: ConnectorAccount, target: AnswerTarget): Promise<void> {
    await graphDeleteComment(this.call(account, `${this.platform} delete comment`), target);
  }
}
