import type { RunningSandbox, SandboxAccountWithUrl } from '@vigie/platform-sandbox';
import { sandboxCredentials as demoCredentials } from '../../demo/demo-sandbox.service';

/** The credential object a connector expects for a sandbox account: the demo's own mapping (undefined when none). */
export function sandboxCredentials(a: SandboxAccountWithUrl): Record<string, string> | undefined {
  return demoCredentials(a) ?? undefined;
}

/** The body of `POST /api/workspaces/:ws/channels` that connects sandbox account `a` to `brandId`. */
export function sandboxChannelBody(sb: Pick<RunningSandbox, 'baseUrls'>, brandId: string, a: SandboxAccountWithUrl) {
  return {
    brandId,
    platform: a.platform,
    handle: a.handle,
    externalId: a.externalId,
    credentials: sandboxCredentials(a),
    baseUrl: sb.baseUrls[a.platform],
  };
}
