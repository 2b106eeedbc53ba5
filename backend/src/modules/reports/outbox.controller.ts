import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReportSender } from './delivery/report-sender.service';

@ApiTags('reports')
@Controller('workspaces/:workspaceId/outbox')
export class OutboxController {
  constructor(private readonly sender: ReportSender) {}

  /** Report e-mails of the workspace: via SMTP, or written to <dataDir>/outbox/ without SMTP. */
  @Get()
  list(@Param('workspaceId') workspaceId: string) {
    return this.sender.outbox(workspaceId);
  }
}
