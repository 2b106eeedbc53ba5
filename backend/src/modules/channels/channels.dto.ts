import { IsIn, IsObject, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { type Platform, PLATFORMS } from './connectors/channel-connector';

export class CreateChannelDto {
  @IsUUID() brandId: string;
  @IsIn(PLATFORMS as Platform[]) platform: Platform;
  @IsString() @MinLength(1) @MaxLength(300) handle: string;
  @IsOptional() @IsString() @MaxLength(300) externalId?: string;
  /** Pasted token(s), e.g. { accessToken }. Stored encrypted, never returned. */
  @IsOptional() @IsObject() credentials?: Record<string, string>;
  /** Overrides the platform's API host (sandbox, self-hosted Mastodon, RSS feed URL host). */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }) baseUrl?: string;
}
