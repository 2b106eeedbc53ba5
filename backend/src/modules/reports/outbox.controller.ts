import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReportSender } from './delivery/report-sender.service';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { OutboxItemDto } from '@vigie/contracts';

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
}
