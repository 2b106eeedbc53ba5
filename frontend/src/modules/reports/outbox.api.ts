import type { OutboxItemDto, OutboxMessageDto } from '@vigie/contracts';
import { api } from '../../lib/api-client';

const outbox = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/outbox`;

/** The workspace's report e-mails, newest first (sent through SMTP or written to the outbox folder). */
export function listOutbox(workspaceId: string, signal?: AbortSignal): Promise<OutboxItemDto[]> {
  return api.get<OutboxItemDto[]>(outbox(workspaceId), undefined, signal);
}

/** One e-mail with its bodies; `html` is untrusted: render it only in a sandboxed iframe. */
export function getOutboxMessage(workspaceId: string, id: string, signal?: AbortSignal): Promise<OutboxMessageDto> {
  return api.get<OutboxMessageDto>(`${outbox(workspaceId)}/${encodeURIComponent(id)}`, undefined, signal);
}
