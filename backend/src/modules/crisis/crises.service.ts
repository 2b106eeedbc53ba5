import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { CrisisDetailDto, CrisisEventDto, CrisisStage, CrisisStatementDto, CrisisSummaryDto, CrisisUserDto } from '@vigie/contracts';
import { checkTransition, CRISIS_STAGES, STAGE_TRANSITIONS } from '@vigie/crisis';
import type { Principal } from '../../common/auth/principal';
import { BrandsService } from '../brands/brands.service';
import { AlertsRepository } from '../veille/alerts.repository';
import { WatchQueriesRepository } from '../veille/watch-queries.repository';
import { CrisesRepository, type CrisisEventRow, type CrisisRow } from './crises.repository';
import type { AddMemberDto, ChangeStageDto, OpenCrisisDto } from './crisis.dto';
import { CrisisFiguresService } from './crisis-figures.service';
import { CrisisNotifier } from './crisis-notifier.service';
import { badField, CrisisSettingsService } from './crisis-settings.service';
import { CrisisStatementsRepository, type CrisisStatementRow } from './crisis-statements.repository';

/** Crisis lifecycle: open (from an alert or by hand), the cell, stage changes with reasons, checklist ticks, the detail. */
@Injectable()
export class CrisesService {
  constructor(
    private readonly crises: CrisesRepository,
    private readonly statements: CrisisStatementsRepository,
    private readonly alerts: AlertsRepository,
    private readonly queries: WatchQueriesRepository,
    private readonly brands: BrandsService,
    private readonly settings: CrisisSettingsService,
    private readonly figures: CrisisFiguresService,
    private readonly notifier: CrisisNotifier,
  ) {}

  async open(workspaceId: string, dto: OpenCrisisDto & { members?: AddMemberDto[] }, p: Principal): Promise<CrisisDetailDto> {
    let title: string;
    let brandIds: string[];
    let queryIds: string[];
    if (dto.alertId) {
      if (dto.brandIds || dto.queryIds) throw badField('alertId', 'comes alone: the alert gives the brand and the queries (or open by hand with brandIds, queryIds and title)');
      const alert = await this.alerts.findInWorkspace(workspaceId, dto.alertId);
      if (!alert) throw new NotFoundException('Alert not found');
      brandIds = [alert.brandId];
      queryIds = alert.queryId ? [alert.queryId] : (await this.queries.list(workspaceId, alert.brandId)).map((q) => q.id);
      if (!queryIds.length) throw badField('alertId', "is on a brand without watch queries: add one, or open the crisis by hand with queryIds");
      title = dto.title ?? alert.title;
    } else {
      const missing = (['brandIds', 'queryIds', 'title'] as const).filter((k) => dto[k] === undefined);
      if (missing.length) {
        throw new BadRequestException({
          statusCode: 400,
          message: `Invalid request: give alertId, or brandIds, queryIds and title (missing: ${missing.join(', ')})`,
          details: missing.map((field) => ({ field, errors: ['is required when no alertId is given'] })),
        });
      }
      brandIds = [...new Set(dto.brandIds!)];
      queryIds = [...new Set(dto.queryIds!)];
      title = dto.title!;
      for (const b of brandIds) await this.brands.get(workspaceId, b);
      for (const [i, q] of queryIds.entries()) {
        const row = await this.queries.findInWorkspace(workspaceId, q);
        if (!row) throw badField(`queryIds.${i}`, 'is not a watch query of this workspace');
        if (!brandIds.includes(row.brandId)) throw badField(`queryIds.${i}`, 'belongs to a brand that is not in brandIds');
      }
    }
    const roles = (await this.settings.settings(workspaceId)).roles;
    for (const [i, m] of (dto.members ?? []).entries()) {
      if (!roles.includes(m.role)) throw badField(`members.${i}.role`, `must be one of the workspace's crisis roles: ${roles.join(', ')}`);
    }
    const { id, eventId } = await this.crises.transaction(async (tx) => {
      const id = await this.crises.insert({ workspaceId, title, brandIds, queryIds, alertId: dto.alertId ?? null, openedBy: p.userId }, tx);
      const leadGiven = (dto.members ?? []).some((m) => m.userId === p.userId);
      if (!leadGiven) await this.crises.upsertMember(workspaceId, id, p.userId, 'lead', p.userId, tx);
      for (const [i, m] of (dto.members ?? []).entries()) {
        if (!(await this.crises.upsertMember(workspaceId, id, m.userId, m.role, p.userId, tx))) throw badField(`members.${i}.userId`, 'is not a member of this workspace');
      }
      const eventId = await this.crises.addEvent(id, 'opened', p.userId, { toStage: 'watch', alertId: dto.alertId ?? null }, tx);
      return { id, eventId };
    });
    await this.notifier.enqueue(eventId);
    return this.detail(workspaceId, id);
  }

  async list(workspaceId: string): Promise<CrisisSummaryDto[]> {
    return (await this.crises.list(workspaceId)).map(summaryView);
  }

  async get(workspaceId: string, id: string): Promise<CrisisRow> {
    const c = await this.crises.findInWorkspace(workspaceId, id);
    if (!c) throw new NotFoundException('Crisis not found');
    return c;
  }

  async detail(workspaceId: string, id: string, now = new Date()): Promise<CrisisDetailDto> {
    const c = await this.get(workspaceId, id);
    const [members, events, statements, ticks, playbook] = await Promise.all([
      this.crises.members(id),
      this.crises.events(id),
      this.statements.ofCrisis(id),
      this.crises.ticks(id),
      this.settings.merged(workspaceId, c.brandIds),
    ]);
    const [timeline, recommendations] = await Promise.all([this.figures.timeline(c, statements, now), this.figures.recommendations(c, statements, now)]);
    // The checklist of the stages reached so far (current one included), then items ticked from other stages.
    const reached = new Set<string>(['watch', c.stage, ...events.filter((e) => e.kind === 'stage_changed').map((e) => String(e.payload.toStage))]);
    const tickOf = new Map(ticks.map((t) => [t.itemId, t]));
    const checklist = CRISIS_STAGES.flatMap((stage) =>
      playbook.checklist[stage]
        .filter((i) => reached.has(stage) || tickOf.has(i.id))
        .map((i) => {
          const t = tickOf.get(i.id);
          return { id: i.id, stage, label: i.label, ticked: t ? { by: t.tickedBy ? { userId: t.tickedBy, email: t.email ?? '', name: t.name } : null, at: t.tickedAt.toISOString() } : null };
        }),
    );
    return {
      ...summaryView(c),
      members: members.map((m) => ({ userId: m.userId, email: m.email, name: m.name, role: m.role, addedAt: m.addedAt.toISOString() })),
      nextStages: [...STAGE_TRANSITIONS[c.stage]],
      timeline,
      events: events.map(eventView),
      statements: statements.map(statementView),
      checklist,
      holdingStatements: playbook.statements,
      recommendations,
    };
  }

  async changeStage(workspaceId: string, id: string, dto: ChangeStageDto, p: Principal): Promise<CrisisDetailDto> {
    const eventId = await this.crises.transaction(async (tx) => {
      const from = await this.crises.lockStage(workspaceId, id, tx);
      if (!from) throw new NotFoundException('Crisis not found');
      const check = checkTransition(from, dto.stage);
      if (!check.ok) {
        throw new BadRequestException({ statusCode: 400, message: check.message, details: { field: 'stage', from, allowed: check.allowed } });
      }
      await this.crises.setStage(id, dto.stage, tx);
      return this.crises.addEvent(id, 'stage_changed', p.userId, { fromStage: from, toStage: dto.stage, reason: dto.reason.trim() }, tx);
    });
    await this.notifier.enqueue(eventId);
    return this.detail(workspaceId, id);
  }

  async addMember(workspaceId: string, id: string, dto: AddMemberDto, p: Principal): Promise<CrisisDetailDto> {
    await this.assertOpen(workspaceId, id);
    const roles = (await this.settings.settings(workspaceId)).roles;
    if (!roles.includes(dto.role)) throw badField('role', `must be one of the workspace's crisis roles: ${roles.join(', ')}`);
    if (!(await this.crises.upsertMember(workspaceId, id, dto.userId, dto.role, p.userId))) throw badField('userId', 'is not a member of this workspace');
    await this.crises.addEvent(id, 'member_added', p.userId, { memberUserId: dto.userId, role: dto.role });
    return this.detail(workspaceId, id);
  }

  async removeMember(workspaceId: string, id: string, userId: string, p: Principal): Promise<CrisisDetailDto> {
    await this.get(workspaceId, id);
    if (!(await this.crises.removeMember(id, userId))) throw new NotFoundException('This user is not in the crisis cell');
    await this.crises.addEvent(id, 'member_removed', p.userId, { memberUserId: userId });
    return this.detail(workspaceId, id);
  }

  /** Ticks a playbook checklist item (once; time-stamped in the timeline). */
  async tick(workspaceId: string, id: string, itemId: string, p: Principal): Promise<CrisisDetailDto> {
    const c = await this.assertOpen(workspaceId, id);
    const playbook = await this.settings.merged(workspaceId, c.brandIds);
    const stage = CRISIS_STAGES.find((s) => playbook.checklist[s].some((i) => i.id === itemId));
    if (!stage) throw new NotFoundException(`No checklist item '${itemId}' in the playbooks of this crisis's brands`);
    const item = playbook.checklist[stage].find((i) => i.id === itemId)!;
    await this.crises.transaction(async (tx) => {
      if (await this.crises.tick(id, { id: itemId, stage, label: item.label }, p.userId, tx)) {
        await this.crises.addEvent(id, 'checklist_ticked', p.userId, { checklistItemId: itemId, label: item.label, stage }, tx);
      }
    });
    return this.detail(workspaceId, id);
  }

  async assertOpen(workspaceId: string, id: string): Promise<CrisisRow> {
    const c = await this.get(workspaceId, id);
    if (c.stage === 'closed') throw new BadRequestException('This crisis is closed: its cell, checklist and statements can no longer change');
    return c;
  }

  /** Crisis lead of this crisis, or a workspace admin (statement approval). */
  async assertLeadOrAdmin(c: CrisisRow, p: Principal): Promise<void> {
    if (p.workspace?.role === 'admin') return;
    const members = await this.crises.members(c.id);
    if (!members.some((m) => m.userId === p.userId && m.role === 'lead')) {
      throw new ForbiddenException('Only the crisis lead or a workspace admin can approve a statement');
    }
  }
}

const user = (id: string | null, email: string | null, name: string | null = null): CrisisUserDto | null => (id ? { userId: id, email: email ?? '', name } : null);

export function summaryView(c: CrisisRow): CrisisSummaryDto {
  return {
    id: c.id,
    title: c.title,
    stage: c.stage,
    brandIds: c.brandIds,
    queryIds: c.queryIds,
    alertId: c.alertId,
    openedBy: user(c.openedBy, c.openedByEmail, c.openedByName),
    openedAt: c.openedAt.toISOString(),
    stageChangedAt: c.stageChangedAt.toISOString(),
    closedAt: c.closedAt ? c.closedAt.toISOString() : null,
  };
}

export function eventView(e: CrisisEventRow): CrisisEventDto {
  const p = e.payload as Record<string, string | null | undefined>;
  return {
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind as CrisisEventDto['kind'],
    by: user(e.userId, e.email, e.name),
    fromStage: (p.fromStage as CrisisStage | undefined) ?? null,
    toStage: (p.toStage as CrisisStage | undefined) ?? null,
    reason: p.reason ?? null,
    memberUserId: p.memberUserId ?? null,
    role: p.role ?? null,
    checklistItemId: p.checklistItemId ?? null,
    label: p.label ?? null,
    statementId: p.statementId ?? null,
    url: p.url ?? null,
  };
}

export function statementView(s: CrisisStatementRow): CrisisStatementDto {
  return {
    id: s.id,
    language: s.language,
    text: s.text,
    status: s.status,
    submittedBy: user(s.submittedBy, s.submittedByEmail),
    submittedAt: s.submittedAt.toISOString(),
    approvedBy: user(s.approvedBy, s.approvedByEmail),
    approvedAt: s.approvedAt ? s.approvedAt.toISOString() : null,
    postedBy: user(s.postedBy, s.postedByEmail),
    postedAt: s.postedAt ? s.postedAt.toISOString() : null,
    postedVia: s.postedVia,
    inboxItemId: s.inboxItemId,
    inboxReplyId: s.inboxReplyId,
    url: s.manualUrl,
  };
}
