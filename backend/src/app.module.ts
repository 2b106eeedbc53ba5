import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from './core.module';
import { dataSourceOptions } from './database/data-source';
import { FEATURE_MODULES } from './feature-modules';
import type { Runtime } from './runtime';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime),
        TypeOrmModule.forRoot({ ...dataSourceOptions(runtime.databaseUrl), autoLoadEntities: true }),
        // Crons only enqueue, and only worker processes run them (ARCHITECTURE.md).
        ...(runtime.config.role === 'api' ? [] : [ScheduleModule.forRoot()]),
        DiscoveryModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
