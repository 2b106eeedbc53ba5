import type { SandboxAccountWithUrl } from '@vigie/platform-sandbox';

/** The credential object a connector expects, filled with the sandbox's accepted token. */
export function sandboxCredentials(a: SandboxAccountWithUrl): Record<string, string> | undefined {
  switch (a.platform) {
    case 'x':
      return { bearerToken: a.token };
    case 'youtube':
      return { apiKey: a.token };
    case 'rss':
      return undefined;
    default:
      return { accessToken: a.token };
  }
}
