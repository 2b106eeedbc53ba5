import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { RecurringJobs } from '../../../common/queue/recurring-job';
import { ConnectAttemptsRepository } from './connect-attempts.repository';
import { TokenKeeper } from './token-keeper.service';

export const TOKENS_QUEUE = 'channel-tokens';
export const REFRESH_TOKENS_JOB = 'refresh-expiring';
/** Every 5 minutes: well inside the 30-minute horizon, so a token is tried several times before it expires. */
const EVERY_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** Worker job: refreshes tokens before they expire and clears stale connection attempts. */
@Injectable()
export class TokenRefreshJobs implements OnModuleInit {
  private readonly logger = new Logger('token-keeper');

  constructor(
    private readonly recurring: RecurringJobs,
    private readonly tokens: TokenKeeper,
    private readonly attempts: ConnectAttemptsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const queue = { name: TOKENS_QUEUE, concurrency: 1, attempts: 1, backoffMs: 1_000 };
    await this.recurring.register({ queue, name: REFRESH_TOKENS_JOB, everyMs: EVERY_MS, schedulerId: 'refresh-expiring-tokens' }, () => this.run());
  }

  async run(now = new Date()): Promise<void> {
    const counts = await this.tokens.refreshExpiring(now);
    await this.attempts.deleteExpired(new Date(now.getTime() - DAY_MS));
    if (counts.refreshed || counts['reconnect-needed'] || counts.failed) {
      this.logger.log(`tokens: ${counts.refreshed} refreshed, ${counts['reconnect-needed']} need reconnecting, ${counts.failed} to retry`);
    }
  }
}
