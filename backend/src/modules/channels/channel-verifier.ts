import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { checkUserUrl } from '../../common/http/user-url';
import type { CreateChannelDto } from './channels.dto';
import { ConnectorError, ConnectorErrorCode } from './connectors/connector-error';
import { getConnector } from './connectors/connector.registry';

/**
 * Checks a pasted token with one cheap call before anything is saved (no OAuth flow yet).
 * A competitor account without credentials is checked the same way on public endpoints.
 */
@Injectable()
export class ChannelVerifier {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async verify(dto: CreateChannelDto): Promise<{ externalId: string; displayName: string | null } | null> {
    // A user-supplied API host is fetched by the workers: no private or loopback targets (SSRF)
    // unless configuration allows them (sandbox, tests).
    if (dto.baseUrl) await checkUserUrl('baseUrl', dto.baseUrl, this.config.allowPrivateUrls);
    if (!this.config.verifyChannels) return null;
    const connector = getConnector(dto.platform);
    try {
      const identity = await connector.verify({
        platform: dto.platform,
        handle: dto.handle,
        externalId: dto.externalId ?? null,
        baseUrl: dto.baseUrl ?? null,
        credentials: dto.credentials ?? null,
        isCompetitor: false,
      });
      return { externalId: identity.externalId, displayName: identity.displayName };
    } catch (e) {
      if (e instanceof ConnectorError) {
        throw new BadRequestException({
          statusCode: 400,
          message: `${dto.platform} refused the account check: ${e.message}`,
          details: [{ field: e.code === ConnectorErrorCode.AUTH ? 'credentials' : 'handle', errors: [e.message] }],
        });
      }
      throw e;
    }
  }
}
