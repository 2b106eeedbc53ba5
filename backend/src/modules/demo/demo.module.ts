import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Brand } from '../brands/brand.entity';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { FirstStartService } from './first-start.service';

@Module({
  imports: [TypeOrmModule.forFeature([Brand]), AuthModule, WorkspacesModule],
  providers: [FirstStartService],
  exports: [FirstStartService],
})
export class DemoModule {}
