import { ArrayMaxSize, ArrayMinSize, IsArray, IsString } from 'class-validator';

export const MAX_TEXTS = 100;
export const MAX_TEXT_LENGTH = 5_000;

export class AnalyzeTextsDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_TEXTS) @IsString({ each: true }) texts: string[];
}
