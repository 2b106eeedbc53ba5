import { IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateLinkDto {
  @IsUUID() brandId: string;
  @IsUrl(URL_OPTIONS) @MaxLength(2000) targetUrl: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) campaign?: string;
  /** Free label when the link is not tied to a connected account ("newsletter", "print"). */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(40) channel?: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'postId must be a post id' }) postId?: string;
}

export class UpdateLinkDto {
  @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2000) targetUrl?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) campaign?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(40) channel?: string;
}

export class ListLinksQueryDto {
  @IsOptional() @IsUUID() brandId?: string;
  @IsOptional() @IsString() @MaxLength(100) campaign?: string;
}
