import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  Post,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../common/auth/roles';
import { ConversionEventDto } from './conversions.dto';
import { ConversionsService } from './conversions.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { ConversionImportDto, ConversionReceivedDto } from '@vigie/contracts';

@ApiTags('conversions')
@Controller()
export class ConversionsController {
  constructor(private readonly service: ConversionsService) {}

  /** Signed by the workspace secret (see GET …/links/settings); 200 on a replayed eventId too. */
  @ApiReply('ConversionReceivedDto')
  @Public()
  @Post('hooks/conversions')
  @HttpCode(200)
  receive(
    @Body() dto: ConversionEventDto,
    @Req() req: Request & { rawBody?: Buffer },
    @Headers('x-vigie-signature') signature?: string,
    @Headers('x-vigie-timestamp') timestamp?: string,
  ): Promise<Wire<ConversionReceivedDto>> {
    return this.service.receiveWebhook(dto, req.rawBody, { signature, timestamp });
  }

  /** Multipart `file`: CSV with eventId, linkCode or clickId, value, currency, occurredAt. */
  @ApiReply('ConversionImportDto')
  @Post('workspaces/:workspaceId/conversions/import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  importCsv(@Param('workspaceId') workspaceId: string, @UploadedFile() file?: { buffer: Buffer }): Promise<Wire<ConversionImportDto>> {
    if (!file?.buffer) throw new BadRequestException({ statusCode: 400, message: 'Send the CSV as multipart field "file"', details: [{ field: 'file', errors: ['required'] }] });
    return this.service.importCsv(workspaceId, file.buffer);
  }
}
