import type { Type } from '@nestjs/common';
import { AuthModule } from './modules/auth/auth.module';
import { BrandsModule } from './modules/brands/brands.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { CrisisModule } from './modules/crisis/crisis.module';
import { DemoModule } from './modules/demo/demo.module';
import { EnrichmentModule } from './modules/enrichment/enrichment.module';
import { HealthModule } from './modules/health/health.module';
import { InboxModule } from './modules/inbox/inbox.module';
import { IngestionModule } from './modules/ingestion/ingestion.module';
import { KpiModule } from './modules/kpi/kpi.module';
import { LinksModule } from './modules/links/links.module';
import { PostsModule } from './modules/posts/posts.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { ReportsModule } from './modules/reports/reports.module';
import { VeilleModule } from './modules/veille/veille.module';
import { UsersModule } from './modules/users/users.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';

/** Every user-facing module, in one explicit list (one line per module). */
export const FEATURE_MODULES: Type[] = [
  HealthModule,
  UsersModule,
  AuthModule,
  WorkspacesModule,
  BrandsModule,
  ChannelsModule,
  PostsModule,
  DemoModule,
  KpiModule,
  LinksModule,
  IngestionModule,
  InboxModule,
  EnrichmentModule,
  VeilleModule,
  ReportsModule,
  PrivacyModule,
  CrisisModule,
];
