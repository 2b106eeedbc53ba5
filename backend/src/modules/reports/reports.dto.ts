import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class CreateReportDto {
  @IsUUID() brandId: string;
  @Matches(MONTH, { message: 'month must be a month as YYYY-MM' }) month: string;
}

export class ListReportsDto {
  @IsOptional() @IsUUID() brandId?: string;
}

export class RecommendationEditDto {
  /** Id of an existing recommendation; absent for a sentence the CM adds. */
  @IsOptional() @IsUUID() id?: string;
  @IsString() @MinLength(1) @MaxLength(1000) text: string;
}

export class UpdateRecommendationsDto {
  /** The whole list, in order: left-out items are removed. */
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RecommendationEditDto)
  recommendations: RecommendationEditDto[];
}

export class PutReportSettingsDto {
  @IsArray() @ArrayMaxSize(50) @IsEmail({}, { each: true }) recipients: string[];
  /** Local hour (0–23) of the 1st at which the draft is sent by itself; null = the CM sends. */
  @IsOptional() @IsInt() @Min(0) @Max(23) autoSendHour?: number | null;
  @IsOptional() @IsIn(['fr', 'en']) language?: 'fr' | 'en' | null;
}
