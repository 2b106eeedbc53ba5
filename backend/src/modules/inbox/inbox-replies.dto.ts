import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class SubmitReplyDto {
  @IsString() @MinLength(1) @MaxLength(5000) @Matches(/\S/, { message: 'text must not be blank' }) text: string;
  /** A UUID the client generates once per draft: retries with it send the reply once. */
  @IsUUID() idempotencyKey: string;
  @IsOptional() @IsUUID() savedReplyId?: string;
}

export class HideDto {
  @IsBoolean() hidden: boolean;
}

export class SavedReplyDtoIn {
  @IsOptional() @IsUUID() brandId?: string | null;
  @IsIn(['fr', 'en']) language: 'fr' | 'en';
  @IsString() @MinLength(1) @MaxLength(120) title: string;
  @IsString() @MinLength(1) @MaxLength(5000) body: string;
}

export class UpdateSavedReplyDto {
  @IsOptional() @IsUUID() brandId?: string | null;
  @IsOptional() @IsIn(['fr', 'en']) language?: 'fr' | 'en';
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) title?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(5000) body?: string;
}

export class RenderSavedReplyQuery {
  @Matches(/^\d{1,18}$/, { message: 'itemId must be an inbox item id' }) itemId: string;
}
