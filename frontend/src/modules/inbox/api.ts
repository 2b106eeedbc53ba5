import type {
  InboxDetailDto,
  InboxDraftingDto,
  InboxForwardDto,
  InboxModerationDto,
  InboxReplyDto,
  RenderedSavedReplyDto,
  SavedReplyDto,
  InboxItemDto,
  InboxNoteDto,
  InboxPageDto,
  InboxStatus,
  ServiceKind,
  SupportServiceDto,
} from '@vigie/contracts';
import { api } from '../../lib/api-client';

/** `GET /workspaces/:id/inbox` filters (status: comma-separated statuses, absent = all). */
export type InboxQuery = {
  view?: 'attention' | 'all';
  status?: string;
  type?: string;
  sentiment?: string;
  q?: string;
  brandId?: string;
  limit?: number;
  cursor?: string;
};

const inbox = (workspaceId: string) => `/workspaces/${workspaceId}/inbox`;
const item = (workspaceId: string, itemId: string) => `${inbox(workspaceId)}/${itemId}`;

export function listInbox(workspaceId: string, query: InboxQuery, signal?: AbortSignal): Promise<InboxPageDto> {
  return api.get<InboxPageDto>(inbox(workspaceId), query, signal);
}

export function getInboxItem(workspaceId: string, itemId: string, signal?: AbortSignal): Promise<InboxDetailDto> {
  return api.get<InboxDetailDto>(item(workspaceId, itemId), undefined, signal);
}

export function setInboxStatus(workspaceId: string, itemId: string, status: InboxStatus): Promise<InboxItemDto> {
  return api.post<InboxItemDto>(`${item(workspaceId, itemId)}/status`, { status });
}

export function setInboxType(workspaceId: string, itemId: string, type: string): Promise<InboxItemDto> {
  return api.post<InboxItemDto>(`${item(workspaceId, itemId)}/type`, { type });
}

export function assignInboxItem(workspaceId: string, itemId: string, serviceId: string): Promise<InboxItemDto> {
  return api.post<InboxItemDto>(`${item(workspaceId, itemId)}/assign`, { serviceId });
}

/** Sends the message to the service's address (and assigns it); the server refuses when no address is set. */
export function forwardInboxItem(
  workspaceId: string,
  itemId: string,
  body: { serviceId: string; message?: string },
): Promise<InboxForwardDto> {
  return api.post<InboxForwardDto>(`${item(workspaceId, itemId)}/forward`, body);
}

export function addInboxNote(workspaceId: string, itemId: string, text: string): Promise<InboxNoteDto> {
  return api.post<InboxNoteDto>(`${item(workspaceId, itemId)}/notes`, { text });
}

/** Support services (the inbox's assignment targets). */
export function listServices(workspaceId: string, signal?: AbortSignal): Promise<SupportServiceDto[]> {
  return api.get<SupportServiceDto[]>(`/workspaces/${workspaceId}/services`, undefined, signal);
}

export function createService(
  workspaceId: string,
  body: { name: string; email: string | null; kind: ServiceKind | string },
): Promise<SupportServiceDto> {
  return api.post<SupportServiceDto>(`/workspaces/${workspaceId}/services`, body);
}

export function deleteService(workspaceId: string, serviceId: string): Promise<void> {
  return api.delete(`/workspaces/${workspaceId}/services/${serviceId}`);
}

/** `POST …/inbox/:itemId/replies`: the same idempotency key sends the reply once, however often it is retried. */
export function sendInboxReply(
  workspaceId: string,
  itemId: string,
  body: { text: string; idempotencyKey: string; savedReplyId?: string },
): Promise<InboxReplyDto> {
  return api.post<InboxReplyDto>(`${item(workspaceId, itemId)}/replies`, body);
}

export function approveInboxReply(workspaceId: string, itemId: string, replyId: string): Promise<InboxReplyDto> {
  return api.post<InboxReplyDto>(`${item(workspaceId, itemId)}/replies/${replyId}/approve`);
}

export function rejectInboxReply(workspaceId: string, itemId: string, replyId: string): Promise<InboxReplyDto> {
  return api.post<InboxReplyDto>(`${item(workspaceId, itemId)}/replies/${replyId}/reject`);
}

/** Heartbeat while the member writes: the other members answering the same item. */
export function draftingHeartbeat(workspaceId: string, itemId: string): Promise<InboxDraftingDto> {
  return api.post<InboxDraftingDto>(`${item(workspaceId, itemId)}/drafting`);
}

export function moderateInboxItem(workspaceId: string, itemId: string, action: 'hide' | 'unhide' | 'like' | 'delete'): Promise<InboxModerationDto> {
  if (action === 'hide' || action === 'unhide') return api.post<InboxModerationDto>(`${item(workspaceId, itemId)}/hidden`, { hidden: action === 'hide' });
  return api.post<InboxModerationDto>(`${item(workspaceId, itemId)}/${action}`);
}

export function listSavedReplies(workspaceId: string, signal?: AbortSignal): Promise<SavedReplyDto[]> {
  return api.get<SavedReplyDto[]>(`/workspaces/${workspaceId}/saved-replies`, undefined, signal);
}

export function renderSavedReply(workspaceId: string, savedReplyId: string, itemId: string): Promise<RenderedSavedReplyDto> {
  return api.get<RenderedSavedReplyDto>(`/workspaces/${workspaceId}/saved-replies/${savedReplyId}/render`, { itemId });
}

export function createSavedReply(workspaceId: string, body: { language: 'fr' | 'en'; title: string; body: string; brandId?: string }): Promise<SavedReplyDto> {
  return api.post<SavedReplyDto>(`/workspaces/${workspaceId}/saved-replies`, body);
}

export function deleteSavedReply(workspaceId: string, savedReplyId: string): Promise<void> {
  return api.delete<void>(`/workspaces/${workspaceId}/saved-replies/${savedReplyId}`);
}
