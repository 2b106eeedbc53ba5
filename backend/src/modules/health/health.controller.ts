import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/roles';
import { JobQueue } from '../../common/queue/job-queue';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { HealthDto } from '@vigie/contracts';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: HealthRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  /** 200 when the database answers; `degraded` while the queue backend is down (API keeps serving). */
  @ApiReply('HealthDto')
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<Wire<HealthDto>> {
    const database = await this.db.ping();
    const queueState = await this.queue.health();
    const status = database === 'down' ? 'down' : queueState === 'down' ? 'degraded' : 'ok';
    if (database === 'down') res.status(503);
    return { status, database, queue: this.queue.kind, queueState };
  }
}
