import { BadRequestException } from '@nestjs/common';
import { assertPublicUrl, UnsafeUrlError } from './ssrf-guard';

/**
 * A user-supplied URL that Vigie will fetch or post to (channel base URLs, RSS sources,
 * webhooks): 400 naming the field when it is not http(s) or resolves to a non-public address.
 */
export async function checkUserUrl(field: string, url: string, allowPrivate: boolean): Promise<string> {
  try {
    return (await assertPublicUrl(url, { allowPrivate })).toString();
  } catch (e) {
    if (e instanceof UnsafeUrlError) {
      throw new BadRequestException({
        statusCode: 400,
        message: `Invalid request: ${field} (${e.message})`,
        details: [{ field, errors: [e.message] }],
      });
    }
    throw e;
  }
}
