import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CRISIS_STAGES, type CrisisStage } from '@vigie/crisis';

export class AddMemberDto {
  @IsUUID() userId: string;
  @IsString() @MinLength(1) @MaxLength(40) role: string;
}

/** Open a crisis from an alert (`alertId`: its brand and query) or by hand (`brandIds`, `queryIds`, `title`). */
export class OpenCrisisDto {
  @IsOptional() @IsUUID() alertId?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) @Matches(/\S/, { message: 'title must not be blank' }) title?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsUUID('all', { each: true }) brandIds?: string[];
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsUUID('all', { each: true }) queryIds?: string[];
  /** The cell at opening (the opener is added as lead unless listed). Each is notified. */
  @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => AddMemberDto) members?: AddMemberDto[];
}

export class ChangeStageDto {
  @IsIn(CRISIS_STAGES) stage: CrisisStage;
  @IsString() @MinLength(3) @MaxLength(2000) @Matches(/\S/, { message: 'reason must not be blank' }) reason: string;
}


export class SubmitStatementDto {
  @IsIn(['fr', 'en']) language: 'fr' | 'en';
  @IsString() @MinLength(1) @MaxLength(5000) @Matches(/\S/, { message: 'text must not be blank' }) text: string;
}

/** Post an approved statement: as a reply to an inbox item (through its platform), or record a manual post's URL. */
export class PostStatementDto {
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'inboxItemId must be an inbox item id' }) inboxItemId?: string;
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) URL' }) url?: string;
}

export class PlaybookItemIn {
  @IsString() @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'id must be 1–40 lowercase letters, digits, - or _' }) id: string;
  @IsString() @MinLength(1) @MaxLength(300) label: string;
}

export class PlaybookChecklistIn {
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlaybookItemIn) watch: PlaybookItemIn[];
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlaybookItemIn) active: PlaybookItemIn[];
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlaybookItemIn) contained: PlaybookItemIn[];
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PlaybookItemIn) closed: PlaybookItemIn[];
}

export class PlaybookStatementIn {
  @IsString() @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'id must be 1–40 lowercase letters, digits, - or _' }) id: string;
  @IsIn(['fr', 'en']) language: 'fr' | 'en';
  @IsString() @MinLength(1) @MaxLength(120) title: string;
  @IsString() @MinLength(1) @MaxLength(5000) text: string;
}

export class PutPlaybookDto {
  @ValidateNested() @Type(() => PlaybookChecklistIn) checklist: PlaybookChecklistIn;
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => PlaybookStatementIn) statements: PlaybookStatementIn[];
}

export class CrisisInfluencersQuery {
  /** reach (default) or engagement (replies + reposts + likes). */
  @IsOptional() @IsIn(['reach', 'engagement']) sort?: 'reach' | 'engagement';
}

export class PutCrisisSettingsDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { each: true, message: 'each role must be 1–40 lowercase letters, digits, - or _' })
  roles: string[];
  @IsOptional() @IsString() @MaxLength(2000) webhookUrl?: string | null;
  @IsOptional() @IsIn(['slack', 'teams']) webhookFormat?: 'slack' | 'teams';
  @IsOptional() @IsInt() @Min(1) @Max(100_000_000) bigAccountFollowers?: number;
  /** Write-only: signs the webhook (X-Vigie-Signature, as alert webhooks); null removes it. */
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200) webhookSecret?: string | null;
}
