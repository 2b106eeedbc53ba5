import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { SERVICE_KINDS, type ServiceKind } from './support-service.entity';

export class CreateServiceDto {
  @IsString() @MinLength(1) @MaxLength(80) name: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() email?: string | null;
  @IsIn(SERVICE_KINDS) kind: ServiceKind;
}

export class UpdateServiceDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(80) name?: string;
  /** null clears the address (forwarding then fails with a clear message). */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() email?: string | null;
  @IsOptional() @IsIn(SERVICE_KINDS) kind?: ServiceKind;
}
