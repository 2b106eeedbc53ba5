import type { SandboxAccountWithUrl } from '@vigie/platform-sandbox';
import { sandboxCredentials as demoCredentials } from '../../demo/demo-sandbox.service';

/** The credential object a connector expects for a sandbox account: the demo's own mapping (undefined when none). */
export function sandboxCredentials(a: SandboxAccountWithUrl): Record<string, string> | undefined {
  return demoCredentials(a) ?? undefined;
}
