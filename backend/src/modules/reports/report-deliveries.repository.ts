import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReportDelivery } from './report-delivery.entity';

export type NewReportDelivery = Pick<
  ReportDelivery,
  'workspaceId' | 'reportId' | 'recipients' | 'subject' | 'via' | 'messageId' | 'outboxFile' | 'pdfAttached' | 'sentBy'
>;

/** The `report_deliveries` table: one row per report e-mail sent (SMTP or the outbox). */
@Injectable()
export class ReportDeliveriesRepository {
  constructor(@InjectRepository(ReportDelivery) private readonly deliveries: Repository<ReportDelivery>) {}

  insert(values: NewReportDelivery): Promise<ReportDelivery> {
    return this.deliveries.save(this.deliveries.create(values));
  }

  /** Newest first, at most `limit` (the Outbox page). */
  latest(workspaceId: string, limit: number): Promise<ReportDelivery[]> {
    return this.deliveries.find({ where: { workspaceId }, order: { createdAt: 'DESC' }, take: limit });
  }

  find(workspaceId: string, id: string): Promise<ReportDelivery | null> {
    return this.deliveries.findOne({ where: { workspaceId, id } });
  }
}
