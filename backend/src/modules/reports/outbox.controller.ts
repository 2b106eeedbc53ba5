import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReportSender } from './delivery/report-sender.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { OutboxItemDto, OutboxMessageDto } from '@vigie/contracts';

@ApiTags('reports')
@Controller('workspaces/:workspaceId/outbox')
export class OutboxController {
  constructor(private readonly sender: ReportSender) {}

  /** Report e-mails of the workspace: via SMTP, or written to <dataDir>/outbox/ without SMTP. */
  @ApiReply(['OutboxItemDto'])
  @Get()
  list(@Param('workspaceId') workspaceId: string): Promise<Wire<OutboxItemDto[]>> {
    return this.sender.outbox(workspaceId);
  }

  /** One of them with its text and HTML bodies (null when no copy is kept, e.g. sent through SMTP). */
  @ApiReply('OutboxMessageDto')
  @Get(':id')
  message(@Param('workspaceId') workspaceId: string, @Param('id', ParseUUIDPipe) id: string): Promise<Wire<OutboxMessageDto>> {
    return this.sender.outboxMessage(workspaceId, id);
  }
}
