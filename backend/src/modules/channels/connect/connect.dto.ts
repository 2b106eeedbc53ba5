import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class StartConnectDto {
  /** The brand the accounts are added to (the picker may move each to another brand). */
  @IsUUID() brandId: string;
  /** Mastodon: the CM's instance (`mastodon.social` or `https://piaille.fr`). */
  @IsOptional() @IsString() @MinLength(3) @MaxLength(300) instanceUrl?: string;
}

export class PickedAccountDto {
  @IsString() @MinLength(1) @MaxLength(400) key: string;
  @IsUUID() brandId: string;
}

export class CompleteConnectDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'accounts: pick at least one page or account' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PickedAccountDto)
  accounts: PickedAccountDto[];
}

export class AppPasswordConnectDto {
  @IsUUID() brandId: string;
  /** Handle (`brand.bsky.social`), DID or e-mail of the account. */
  @IsString() @MinLength(3) @MaxLength(300) identifier: string;
  /** An app password (Settings → App passwords), never the account password; used once, not stored. */
  @IsString() @Matches(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i, { message: 'appPassword must be an app password like abcd-efgh-ijkl-mnop (Settings → Privacy and security → App passwords)' })
  appPassword: string;
  /** The account's PDS when not bsky.social. */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }) serviceUrl?: string;
}

export class SavePlatformAppDto {
  @IsString() @MinLength(1) @MaxLength(300) clientId: string;
  @IsString() @MinLength(1) @MaxLength(500) clientSecret: string;
  /** Replaces the platform's hosts (a sandbox or a proxy); empty = the real platform. */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true }) baseUrl?: string;
}
