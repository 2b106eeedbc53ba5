import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ALERT_TYPES, type AlertType } from './alert-rule.entity';
import type { WebhookFormat } from './webhook-payload';

export class CreateAlertRuleDto {
  /** Rule on a brand (all its queries) — or give queryId for one query (its brand is implied). */
  @IsOptional() @IsUUID() brandId?: string;
  @IsOptional() @IsUUID() queryId?: string;
  @IsString() @MinLength(1) @MaxLength(120) name: string;
  @IsIn(ALERT_TYPES) type: AlertType;
  /** Per type; see alerts/spike-statistic.ts for names and defaults. */
  @IsOptional() @IsObject() params?: Record<string, unknown>;
  @IsOptional() @IsInt() @Min(0) @Max(10080) cooldownMinutes?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true }) recipients?: string[];
  @IsOptional() @IsString() @MaxLength(2000) webhookUrl?: string;
  @IsOptional() @IsIn(['slack', 'teams']) webhookFormat?: WebhookFormat;
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200) webhookSecret?: string;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateAlertRuleDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @IsOptional() @IsObject() params?: Record<string, unknown>;
  @IsOptional() @IsInt() @Min(0) @Max(10080) cooldownMinutes?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEmail({}, { each: true }) recipients?: string[];
  /** null removes the webhook. */
  @IsOptional() @IsString() @MaxLength(2000) webhookUrl?: string | null;
  @IsOptional() @IsIn(['slack', 'teams']) webhookFormat?: WebhookFormat;
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200) webhookSecret?: string;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class ListAlertsDto {
  @IsOptional() @IsIn(['open', 'acknowledged', 'resolved']) status?: 'open' | 'acknowledged' | 'resolved';
  @IsOptional() @IsUUID() brandId?: string;
}
