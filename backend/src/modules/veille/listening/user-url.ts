import { BadRequestException } from '@nestjs/common';
import { assertPublicUrl, UnsafeUrlError } from '../../../common/http/ssrf-guard';

/** A user-supplied URL that Vigie will fetch or post to: 400 with the reason when unsafe. */
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
