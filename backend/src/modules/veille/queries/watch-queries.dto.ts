import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { WATCH_QUERY_KINDS, type WatchQueryKind } from './watch-query.entity';

export class CreateWatchQueryDto {
  @IsUUID() brandId: string;
  @IsIn(WATCH_QUERY_KINDS) kind: WatchQueryKind;
  @IsString() @MinLength(1) @MaxLength(120) name: string;
  // Syntax is checked by the shared parser (400 with position), not here.
  @IsString() @MaxLength(2000) query: string;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateWatchQueryDto {
  @IsOptional() @IsIn(WATCH_QUERY_KINDS) kind?: WatchQueryKind;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) query?: string;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class PreviewQueryDto {
  @IsString() @MaxLength(2000) query: string;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @MaxLength(20000, { each: true }) texts?: string[];
  @IsOptional() @IsUUID() brandId?: string;
}

export class ListWatchQueriesDto {
  @IsOptional() @IsUUID() brandId?: string;
}
