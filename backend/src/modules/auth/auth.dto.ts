import { IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { Role } from '../../common/auth/roles';

export class LoginDto {
  @IsEmail() email: string;
  @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class ChangePasswordDto {
  @IsString() @MinLength(1) currentPassword: string;
  @IsString() @MinLength(10) @MaxLength(200) newPassword: string;
}

export class CreateApiTokenDto {
  @IsString() @MinLength(1) @MaxLength(100) name: string;
  @IsUUID() workspaceId: string;
  @IsIn(['admin', 'cm', 'viewer']) role: Role;
}
