import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { from, mergeMap, type Observable } from 'rxjs';
import { AUDITED_KEY, type AuditedMeta } from '../../../common/audit/audited.decorator';
import type { AuthedRequest } from '../../../common/auth/principal';
import { sanitizeForAudit } from './audit-metadata';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_TABLE = /^[a-z_]+$/;

/**
 * Global: on routes marked @Audited, writes the audit_log row once the handler succeeded and
 * before the response leaves (so "who changed what" is never missing for a change that happened).
 * Failed requests change nothing and are not recorded.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('audit');

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLogService,
    private readonly rows: AuditLogRepository,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<AuditedMeta | undefined>(AUDITED_KEY, ctx.getHandler());
    if (!meta || ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    // The status is set after interceptors run: read it where Nest will (@HttpCode, else 201/200).
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined) ?? (req.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(
          this.write(meta, req, status, result).then(
            () => result,
            (e: unknown) => {
              this.logger.error(`audit write failed for ${meta.action}: ${e instanceof Error ? e.message : String(e)}`);
              return result;
            },
          ),
        ),
      ),
    );
  }

  private async write(meta: AuditedMeta, req: AuthedRequest, status: number, result: unknown): Promise<void> {
    const params = (req.params ?? {}) as Record<string, string>;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const resultId = isRecord(result) && typeof result.id === 'string' ? result.id : null;
    const paramNames = Object.keys(params).filter((k) => k !== 'workspaceId');
    const targetParam = meta.targetParam ?? paramNames[paramNames.length - 1];
    const targetId = (targetParam && params[targetParam]) || resultId;
    let workspaceId: string | null = params.workspaceId ?? null;
    const wf = meta.workspaceFrom;
    if (!workspaceId && wf === 'body' && typeof body.workspaceId === 'string') workspaceId = body.workspaceId;
    if (!workspaceId && wf === 'response') workspaceId = resultId;
    if (!workspaceId && typeof wf === 'object' && targetId && UUID.test(targetId) && SAFE_TABLE.test(wf.table)) {
      const col = wf.column ?? 'workspace_id';
      if (SAFE_TABLE.test(col)) {
        workspaceId = await this.rows.workspaceOfTarget(wf.table, col, targetId);
      }
    }
    const p = req.principal;
    await this.audit.record({
      workspaceId: workspaceId && UUID.test(workspaceId) ? workspaceId : null,
      userId: p?.userId ?? null,
      userEmail: p?.email ?? null,
      via: p?.via ?? 'system',
      action: meta.action,
      targetType: meta.action.split('.')[0],
      targetId: targetId ?? null,
      statusCode: status,
      metadata: {
        method: req.method,
        ...(meta.body === false || !isRecord(req.body) || !Object.keys(body).length ? {} : { body: sanitizeForAudit(body) }),
      },
    });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
