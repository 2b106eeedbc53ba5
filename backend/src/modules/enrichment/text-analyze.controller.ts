import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { analyzeBatch } from '@vigie/text';
import { MinRole } from '../../common/auth/roles';
import { AnalyzeTextsDto, MAX_TEXT_LENGTH } from './text-analyze.dto';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { TextAnalysisDto } from '@vigie/contracts';

/** "How does Vigie read this?": analyses pasted texts, stores nothing (so viewers may call it). */
@ApiTags('text')
@Controller('workspaces/:workspaceId/text')
export class TextAnalyzeController {
  @ApiReply(['TextAnalysisDto'])
  @Post('analyze')
  @HttpCode(200)
  @MinRole('viewer')
  analyze(@Body() dto: AnalyzeTextsDto): Wire<TextAnalysisDto[]> {
    // Per-item check here so the error names the exact element (texts.3), not just "texts".
    const tooLong = dto.texts.flatMap((t, i) => (t.length > MAX_TEXT_LENGTH ? [i] : []));
    if (tooLong.length) {
      const details = tooLong.map((i) => ({
        field: `texts.${i}`,
        errors: [`texts.${i} must be at most ${MAX_TEXT_LENGTH} characters`],
      }));
      throw new BadRequestException({
        statusCode: 400,
        message: `Invalid request: ${details.map((d) => `${d.field} (${d.errors[0]})`).join(', ')}`,
        details,
      });
    }
    return analyzeBatch(dto.texts).map((a) => ({
      language: a.language,
      sentiment: { label: a.sentiment.label, score: a.sentiment.score },
      requestType: { type: a.requestType.type, reason: a.requestType.reason },
      toxic: a.toxic,
    }));
  }
}
