import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, Validate } from 'class-validator';
import type { Role } from '../../common/auth/roles';
import { IsTimeZone } from '../../common/http/is-time-zone';

export class CreateWorkspaceDto {
  @IsString() @MinLength(1) @MaxLength(120) name: string;
  @IsOptional() @Validate(IsTimeZone) timezone?: string;
  @IsOptional() @IsIn(['fr', 'en']) language?: 'fr' | 'en';
}

export class UpdateWorkspaceDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @IsOptional() @Validate(IsTimeZone) timezone?: string;
  @IsOptional() @IsIn(['fr', 'en']) language?: 'fr' | 'en';
  /** Viewers' inbox replies wait for a cm/admin's approval (off: viewers cannot reply). */
  @IsOptional() @IsBoolean() repliesNeedApproval?: boolean;
}

export class InviteMemberDto {
  @IsEmail() email: string;
  @IsIn(['admin', 'cm', 'viewer']) role: Role;
}

export class UpdateMemberDto {
  @IsIn(['admin', 'cm', 'viewer']) role: Role;
}
