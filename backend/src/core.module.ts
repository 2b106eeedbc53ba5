import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './config/app-config';
import { SecretBox } from './common/crypto/secret-box';
import { Webhooks } from './common/http/webhooks';
import { MailerService } from './common/mail/mailer.service';
import { JobQueue } from './common/queue/job-queue';
import { RecurringJobs } from './common/queue/recurring-job';
import type { Runtime } from './runtime';

/** Process-wide singletons every module may inject: config, the queue (and its recurring jobs), the secret box, the mailer, webhook targets. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: JobQueue, useValue: runtime.queue },
        { provide: SecretBox, useValue: new SecretBox(runtime.config.secretKey) },
        MailerService,
        RecurringJobs,
        Webhooks,
      ],
      exports: [APP_CONFIG, JobQueue, SecretBox, MailerService, RecurringJobs, Webhooks],
    };
  }
}
