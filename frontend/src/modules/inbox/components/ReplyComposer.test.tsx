import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxDetailDto, SavedReplyDto } from '@vigie/contracts';
import { initI18n } from '../../../lib/i18n';
import { stubApi } from '../../../test/render';
import { ReplyComposer } from './ReplyComposer';

const XSS = '<img src=x onerror=alert(1)>';

function detail(extra: Partial<InboxDetailDto> = {}): InboxDetailDto {
  return {
    id: '7', text: XSS, author: { name: 'Lecteur 42', handle: null, pseudonymized: true },
    post: { id: 'p1', excerpt: 'Post', permalink: null, platform: 'facebook' }, brandId: 'b', channelAccountId: 'c', type: 'question',
    reason: null, classifiedType: 'question', typeCorrected: false, sentiment: null, language: 'fr', toxic: false, needsAttention: true,
    status: 'open', service: null, assignedAt: null, publishedAt: '2025-03-01T10:00:00Z', ageMinutes: 3, answeredAt: null, answeredBy: null,
    firstResponseMinutes: null, ignoredAt: null, notesCount: 0, notes: [], corrections: [], replies: [], othersDrafting: [],
    answer: { reply: true, hide: true, delete: true, like: true }, explanation: null, aspects: [], ...extra,
  };
}

const SAVED: SavedReplyDto[] = [
  { id: 's1', brandId: null, language: 'fr', title: 'Merci', body: 'Merci {{author}}', createdBy: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' },
];

function mount(d: InboxDetailDto, locale: 'fr' | 'en' = 'en', onChanged = vi.fn()) {
  const i18n = initI18n(locale);
  void i18n.changeLanguage(locale);
  render(
    <I18nextProvider i18n={i18n}>
      <ReplyComposer workspaceId="ws-1" detail={d} savedReplies={SAVED} canAct canSubmit={false} onChanged={onChanged} />
    </I18nextProvider>,
  );
  return onChanged;
}

afterEach(() => vi.unstubAllGlobals());

describe('ReplyComposer', () => {
  it('inserts the rendered saved reply as plain text', async () => {
    stubApi((url) => (url.pathname.endsWith('/saved-replies/s1/render') ? { body: { id: 's1', text: `Merci ${XSS}` } } : undefined));
    mount(detail());
    fireEvent.change(screen.getByLabelText('Saved reply'), { target: { value: 's1' } });
    await waitFor(() => expect((screen.getByLabelText('Your reply') as HTMLTextAreaElement).value).toBe(`Merci ${XSS}`));
    expect(document.querySelector('img')).toBeNull();
  });

  it('keeps the draft and shows a precise message when the platform refuses; a retry reuses the key', async () => {
    const keys: string[] = [];
    stubApi((url, init) => {
      if (!url.pathname.endsWith('/inbox/7/replies')) return undefined;
      keys.push((JSON.parse(String(init?.body)) as { idempotencyKey: string }).idempotencyKey);
      return { status: 410, body: { statusCode: 410, message: 'This comment no longer exists on facebook', details: { code: 'target_gone' } } };
    });
    mount(detail());
    fireEvent.change(screen.getByLabelText('Your reply'), { target: { value: 'Bonjour !' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByTestId('reply-error')).toHaveTextContent('no longer exists on the platform');
    expect((screen.getByLabelText('Your reply') as HTMLTextAreaElement).value).toBe('Bonjour !');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).toBe(keys[0]);
  });

  it('warns when another member is answering (FR)', () => {
    stubApi(() => undefined);
    mount(detail({ othersDrafting: [{ userId: 'u2', name: 'Camille', since: '2025-03-01T10:00:00Z' }] }), 'fr');
    expect(screen.getByTestId('collision-banner')).toHaveTextContent('Camille est en train de répondre');
  });

  it('shows pending replies with Approve / Reject for a cm', () => {
    stubApi(() => undefined);
    mount(detail({ replies: [{ id: 'r1', itemId: '7', text: XSS, status: 'pending_approval', idempotencyKey: 'k', author: { id: 'u3', name: 'Junior' }, platformExternalId: null, error: null, approvedBy: null, approvedAt: null, sentAt: null, createdAt: '2025-03-01T10:00:00Z' }] }));
    expect(screen.getByRole('button', { name: 'Approve and send' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeInTheDocument();
    expect(screen.getByTestId('inbox-reply')).toHaveTextContent(XSS);
    expect(document.querySelector('img')).toBeNull();
  });
});
