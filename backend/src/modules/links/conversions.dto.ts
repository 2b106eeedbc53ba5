import { IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

/** Body of POST /api/hooks/conversions: one conversion, attributed by link code or click id. */
export class ConversionEventDto {
  @IsString() @MinLength(1) @MaxLength(200) eventId: string;
  @IsOptional() @IsString() @MaxLength(32) linkCode?: string;
  @IsOptional() @IsUUID() clickId?: string;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) value?: number;
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code (EUR)' }) currency?: string;
  @IsISO8601({ strict: true }) occurredAt: string;
}
