import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REQUEST_TYPES, type RequestType } from '@vigie/text';
import { INBOX_STATUSES, type InboxStatus } from './inbox-item.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const int = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class InboxQueryDto {
  /** 'attention' (default): messages that call for an answer or moderation; 'all': every community message. */
  @IsOptional() @IsIn(['attention', 'all']) view?: 'attention' | 'all';
  /** One status or a comma-separated list (open,assigned). */
  @IsOptional() @Transform(list) @IsIn(INBOX_STATUSES, { each: true }) status?: InboxStatus[];
  @IsOptional() @Transform(list) @IsIn(REQUEST_TYPES, { each: true }) type?: RequestType[];
  @IsOptional() @IsUUID() brandId?: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
  @IsOptional() @IsIn(['positive', 'neutral', 'negative']) sentiment?: 'positive' | 'neutral' | 'negative';
  @IsOptional() @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639-1 code such as fr, or und' })
  language?: string;
  @IsOptional() @Transform(bool) @IsBoolean() toxic?: boolean;
  @IsOptional() @Transform(list) @IsUUID('all', { each: true }) serviceId?: string[];
  /** Inclusive calendar days in the workspace's time zone. */
  @IsOptional() @Matches(DAY, { message: 'from must be a day (YYYY-MM-DD)' }) from?: string;
  @IsOptional() @Matches(DAY, { message: 'to must be a day (YYYY-MM-DD)' }) to?: string;
  /** Free text, matched case-insensitively inside the message. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) q?: string;
  @IsOptional() @IsIn(['newest', 'oldest']) sort?: 'newest' | 'oldest';
  @IsOptional() @Transform(int) @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class InboxStatsQueryDto {
  @IsOptional() @IsUUID() brandId?: string;
  @IsOptional() @IsUUID() channelAccountId?: string;
  @Matches(DAY, { message: 'from must be a day (YYYY-MM-DD)' }) from: string;
  @Matches(DAY, { message: 'to must be a day (YYYY-MM-DD)' }) to: string;
}

export class AssignDto {
  @IsUUID() serviceId: string;
}

export class ForwardDto {
  @IsUUID() serviceId: string;
  /** A word from the CM to the service, put above the forwarded message. */
  @IsOptional() @IsString() @MaxLength(5000) message?: string;
}

export class ChangeTypeDto {
  @IsIn(REQUEST_TYPES) type: RequestType;
}

export class AddNoteDto {
  @IsString() @MinLength(1) @MaxLength(5000) text: string;
}

export class SetStatusDto {
  /** 'open' reopens (back to 'assigned' when a service is set). */
  @IsIn(['answered', 'ignored', 'open']) status: 'answered' | 'ignored' | 'open';
}
