import { BadGatewayException, BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import type { MailerService } from '../../common/mail/mailer.service';
import type { BrandsService } from '../brands/brands.service';
import { InboxActionsService } from './inbox-actions.service';
import { itemRow } from './__tests__/item-row';
import { itemView, type ItemDetailRow } from './inbox-item-view';
import type { InboxItemsRepository, WorkspaceContextRow } from './inbox-items.repository';
import type { InboxNotesRepository } from './inbox-notes.repository';
import type { InboxQueryService } from './inbox-query.service';
import type { InboxSyncService } from './inbox-sync.service';
import type { SupportService } from './support-service.entity';
import type { SupportServicesService } from './support-services.service';
import type { TypeCorrectionsRepository } from './type-corrections.repository';

const WS = '00000000-0000-4000-8000-000000000001';
const CM: Principal = { userId: 'user-cm', email: 'cm@example.test', isInstanceAdmin: false, via: 'session' };
const TX = { tag: 'tx' } as unknown as EntityManager;

const row = itemRow;

function setup(current: ItemDetailRow = row(), service: Partial<SupportService> = {}) {
  const calls: string[] = [];
  const items = {
    transaction: async <T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> => {
      calls.push('begin');
      const r = await fn(TX);
      calls.push('commit');
      return r;
    },
    workspaceContext: jest.fn(async (): Promise<WorkspaceContextRow> => ({ timezone: 'Europe/Paris', language: 'fr', pseudo: null, brand_found: true })),
    assignService: jest.fn(async () => void calls.push('assign')),
    overrideType: jest.fn(async () => void calls.push('overrideType')),
    markAnswered: jest.fn(async () => void calls.push('markAnswered')),
    markIgnored: jest.fn(async () => void calls.push('markIgnored')),
    reopen: jest.fn(async () => void calls.push('reopen')),
  } satisfies Partial<InboxItemsRepository>;
  const corrections = { insert: jest.fn(async () => void calls.push('insertCorrection')) } satisfies Partial<TypeCorrectionsRepository>;
  const notes = {
    insert: jest.fn(async (_ws: string, _item: string, _user: string, text: string) => ({ id: 'n1', text, createdAt: new Date(0) })),
  } satisfies Partial<InboxNotesRepository>;
  const query = {
    row: jest.fn(async () => current),
    item: jest.fn(async () => itemView(current, true)),
  } satisfies Partial<InboxQueryService>;
  const sav = { id: 'svc-1', name: 'SAV', email: 'sav@example.test', kind: 'sav', createdAt: new Date(0), ...service } as SupportService;
  const services = { get: jest.fn(async () => sav) } satisfies Partial<SupportServicesService>;
  const brands = { get: jest.fn(async () => ({ id: 'brand-1', name: 'Maison Lumière' }) as never) } satisfies Partial<BrandsService>;
  const mailer = { send: jest.fn(async () => ({ messageId: 'm1' }) as never) } satisfies Partial<MailerService>;
  const sync = { reconcileAnswers: jest.fn(async () => 3) } satisfies Partial<InboxSyncService>;
  const service_ = new InboxActionsService(
    items as unknown as InboxItemsRepository,
    notes as unknown as InboxNotesRepository,
    corrections as unknown as TypeCorrectionsRepository,
    query as unknown as InboxQueryService,
    services as unknown as SupportServicesService,
    brands as unknown as BrandsService,
    mailer as unknown as MailerService,
    sync as unknown as InboxSyncService,
  );
  return { service: service_, calls, items, corrections, notes, mailer, services };
}

describe('InboxActionsService (repository fakes)', () => {
  describe('setStatus: which transition each request makes', () => {
    it.each`
      from          | to            | expected
      ${'open'}     | ${'answered'} | ${['markAnswered']}
      ${'assigned'} | ${'answered'} | ${['markAnswered']}
      ${'answered'} | ${'answered'} | ${[]}
      ${'open'}     | ${'ignored'}  | ${['markIgnored']}
      ${'answered'} | ${'ignored'}  | ${['markIgnored']}
      ${'ignored'}  | ${'open'}     | ${['reopen']}
      ${'answered'} | ${'open'}     | ${['reopen']}
    `('$from → $to writes $expected', async ({ from, to, expected }) => {
      const { service, calls, items } = setup(row({ status: from }));
      await service.setStatus(WS, '42', to, CM);
      expect(calls).toEqual(expected);
      if (expected[0] === 'markAnswered') expect(items.markAnswered).toHaveBeenCalledWith(WS, '42', CM.userId);
    });

    it('keeps the first answer: marking an answered item answered again does not move its response time', async () => {
      const { service, items } = setup(row({ status: 'answered', answered_by: 'platform_reply' }));
      await service.setStatus(WS, '42', 'answered', CM);
      expect(items.markAnswered).not.toHaveBeenCalled();
    });
  });

  describe('changeType', () => {
    it('writes the override and its history row in one transaction', async () => {
      const { service, calls, items, corrections } = setup(row({ type: 'complaint' }));
      await service.changeType(WS, '42', 'lead', CM);
      expect(calls).toEqual(['begin', 'overrideType', 'insertCorrection', 'commit']);
      expect(items.overrideType).toHaveBeenCalledWith(WS, '42', 'lead', TX);
      expect(corrections.insert).toHaveBeenCalledWith({ workspaceId: WS, itemId: '42', fromType: 'complaint', toType: 'lead', userId: CM.userId }, TX);
    });

    it('does nothing when the type is unchanged (no empty correction in the eval set)', async () => {
      const { service, calls } = setup(row({ type: 'lead' }));
      await service.changeType(WS, '42', 'lead', CM);
      expect(calls).toEqual([]);
    });
  });

  describe('forward', () => {
    it('refuses a service without an email address, naming the field, and changes nothing', async () => {
      const { service, calls, mailer } = setup(row(), { email: null });
      const err = await service.forward(WS, '42', 'svc-1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadRequestException);
      expect((err as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'serviceId' }] });
      expect(mailer.send).not.toHaveBeenCalled();
      expect(calls).toEqual([]);
    });

    it('sends first and assigns only once the email left', async () => {
      const { service, calls, mailer } = setup();
      mailer.send.mockImplementation(async () => {
        calls.push('send');
        return { messageId: 'm1' } as never;
      });
      const res = await service.forward(WS, '42', 'svc-1', 'Client fidèle');
      expect(calls).toEqual(['send', 'assign']);
      expect(res.forwarded.to).toBe('sav@example.test');
      const mail = (mailer.send.mock.calls[0] as unknown[])[0] as { subject: string; text: string; tag: string };
      expect(mail.text).toContain('Client fidèle');
      expect(mail.tag).toBe('item-42');
    });

    it('a failed delivery is a 502 and leaves the item unassigned', async () => {
      const { service, calls, mailer } = setup();
      mailer.send.mockRejectedValue(new Error('SMTP down'));
      await expect(service.forward(WS, '42', 'svc-1')).rejects.toBeInstanceOf(BadGatewayException);
      expect(calls).toEqual([]);
    });
  });

  it('addNote stores the note under the caller', async () => {
    const { service, notes } = setup();
    const note = await service.addNote(WS, '42', 'Rappeler demain', CM);
    expect(notes.insert).toHaveBeenCalledWith(WS, '42', CM.userId, 'Rappeler demain');
    expect(note).toMatchObject({ text: 'Rappeler demain', author: { id: CM.userId } });
  });
});
