import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import type { BrandKind } from './brand.entity';

export class CreateBrandDto {
  @IsString() @MinLength(1) @MaxLength(120) name: string;
  @IsIn(['own', 'competitor']) kind: BrandKind;
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_tld: false }) logoUrl?: string;
}

export class UpdateBrandDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @IsOptional() @IsIn(['own', 'competitor']) kind?: BrandKind;
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_tld: false }) logoUrl?: string;
}
