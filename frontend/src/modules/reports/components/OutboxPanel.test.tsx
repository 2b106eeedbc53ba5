import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../../test/render';
import { OutboxPanel } from './OutboxPanel';

const ITEM = {
  id: 'd-1',
  reportId: 'r-1',
  recipients: ['direction@acme.test'],
  subject: 'Acme — Monthly report',
  via: 'outbox',
  outboxFile: 'x.eml',
  pdfAttached: true,
  createdAt: '2025-03-01T08:00:00Z',
};
const HTML = '<p id="evil-p">Hello <img id="evil-img" src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script></p>';

afterEach(() => vi.unstubAllGlobals());

describe('OutboxPanel', () => {
  it('lists the messages and opens one in a sandboxed iframe: its HTML never becomes page DOM', async () => {
    stubApi((url) => {
      if (url.pathname === '/api/workspaces/ws-1/outbox') return { body: [ITEM, { ...ITEM, id: 'd-2', via: 'smtp', outboxFile: null, subject: 'By SMTP' }] };
      if (url.pathname === '/api/workspaces/ws-1/outbox/d-1') return { body: { ...ITEM, html: HTML, text: 'Hello' } };
      if (url.pathname === '/api/workspaces/ws-1/outbox/d-2') return { body: { ...ITEM, id: 'd-2', via: 'smtp', subject: 'By SMTP', html: null, text: null } };
      return undefined;
    });
    renderPage(<OutboxPanel workspaceId="ws-1" timezone="Europe/Paris" />, { path: '/w/ws-1/reports' });
    expect((await screen.findAllByText('direction@acme.test')).length).toBe(2);
    expect(screen.getAllByText(/Monthly report · outbox file · PDF attached/).length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Acme — Monthly report' }));
    const frame = await screen.findByTestId<HTMLIFrameElement>('outbox-html');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(HTML);
    expect(document.querySelector('img')).toBeNull();
    expect(document.getElementById('evil-img')).toBeNull();
    expect(document.getElementById('evil-p')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'By SMTP' }));
    expect(await screen.findByText(/no copy of the content is kept/)).toBeTruthy();
    expect(screen.queryByTestId('outbox-html')).toBeNull();
  });

  it('says so when there is no message, in French', async () => {
    stubApi((url) => (url.pathname === '/api/workspaces/ws-1/outbox' ? { body: [] } : undefined));
    renderPage(<OutboxPanel workspaceId="ws-1" timezone="Europe/Paris" />, { path: '/w/ws-1/reports', locale: 'fr' });
    expect(await screen.findByText("Boîte d'envoi")).toBeTruthy();
    expect(await screen.findByText('Aucun e-mail envoyé pour l’instant.')).toBeTruthy();
  });
});
