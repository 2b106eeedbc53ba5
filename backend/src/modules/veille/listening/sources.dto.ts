import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateSourceDto {
  // http(s) and public addresses are checked by the SSRF guard (400 with the reason).
  @IsString() @MaxLength(2000) url: string;
  @IsString() @MinLength(1) @MaxLength(120) name: string;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateSourceDto {
  @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @IsOptional() @IsBoolean() active?: boolean;
}
