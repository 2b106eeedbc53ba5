import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class UpdatePrivacyDto {
  @IsOptional() @IsBoolean() pseudonymizeAuthors?: boolean;
  /** null = keep forever. */
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsInt() @Min(1) @Max(3650) retentionDays?: number | null;
}

const PLATFORM = /^[a-z][a-z0-9_-]{0,39}$/;

/** One person: an authors row id, or a platform and a handle. */
export class SubjectDto {
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'authorId must be a numeric author id' }) authorId?: string;
  @IsOptional() @Matches(PLATFORM, { message: 'platform must be a platform name such as youtube or x' }) platform?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(300) handle?: string;
}

export class AuditLogQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'before must be an audit entry id' }) before?: string;
  @IsOptional() @Matches(/^[a-z][a-z_-]*(\.[a-z_-]+)*$/, { message: 'action must look like brand or brand.create' }) action?: string;
}
