import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import InboxPage from './InboxPage';
import type { InboxItemDto as InboxItem } from '@vigie/contracts';

const XSS = '<img src=x onerror=alert(1)>';

function item(id: string, text: string, extra: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    text,
    author: { name: 'Lecteur 42', handle: null, pseudonymized: true },
    post: { id: 'p1', excerpt: 'Notre nouveau café', permalink: 'javascript:alert(1)', platform: 'facebook' },
    brandId: 'b',
    channelAccountId: 'c',
    type: 'question',
    reason: 'est-ce que',
    classifiedType: 'question',
    typeCorrected: false,
    sentiment: { label: 'neutral', score: 0 },
    language: 'fr',
    toxic: false,
    needsAttention: true,
    status: 'open',
    service: null,
    assignedAt: null,
    publishedAt: '2025-03-01T10:00:00Z',
    ageMinutes: 30,
    answeredAt: null,
    answeredBy: null,
    firstResponseMinutes: null,
    ignoredAt: null,
    notesCount: 0,
    ...extra,
  };
}

const SERVICES = [{ id: 's1', name: 'SAV', email: 'sav@example.com', kind: 'sav' }];

afterEach(() => vi.unstubAllGlobals());

function stubInbox(items: InboxItem[]) {
  return stubApi((url, init) => {
    const path = url.pathname;
    if (path === '/api/workspaces/ws-1/inbox') return { body: { items, nextCursor: null } };
    if (path === '/api/workspaces/ws-1/services') return { body: SERVICES };
    const m = /^\/api\/workspaces\/ws-1\/inbox\/(\w+)(\/\w+)?$/.exec(path);
    if (m && !m[2]) return { body: { ...items.find((i) => i.id === m[1]), notes: [], corrections: [] } };
    if (m && m[2] === '/status' && init?.method === 'POST') {
      const { status } = JSON.parse(String(init.body)) as { status: InboxItem['status'] };
      return { body: { ...items.find((i) => i.id === m[1]), status } };
    }
    if (m && m[2] === '/forward' && init?.method === 'POST') {
      const item = { ...items.find((i) => i.id === m[1]), status: 'assigned', service: { id: 's1', name: 'SAV', kind: 'sav' } };
      return { body: { item, forwarded: { to: 'sav@example.com' } } };
    }
    if (m && m[2] === '/assign' && init?.method === 'POST') {
      return { body: { ...items.find((i) => i.id === m[1]), status: 'assigned', service: { id: 's1', name: 'SAV', kind: 'sav' } } };
    }
    return undefined;
  });
}

describe('InboxPage', () => {
  it('renders a comment containing HTML as literal text, never as markup', async () => {
    stubInbox([item('1', XSS)]);
    const { container } = renderPage(<InboxPage />, { path: '/w/ws-1/inbox' });
    const list = await screen.findByTestId('inbox-list');
    expect(within(list).getByText(XSS)).toBeInTheDocument();
    expect(within(screen.getByTestId('inbox-detail')).getByText(XSS)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    // A javascript: permalink is not turned into a link.
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('triages with the keyboard: j moves, e marks answered and the item leaves the open list', async () => {
    const calls = stubInbox([item('1', 'Premier message'), item('2', 'Deuxième message')]);
    renderPage(<InboxPage />, { path: '/w/ws-1/inbox' });
    await screen.findByTestId('inbox-list');
    const selected = () => screen.getAllByTestId('inbox-item').find((el) => el.getAttribute('aria-selected') === 'true');
    expect(selected()).toHaveTextContent('Premier message');

    fireEvent.keyDown(window, { key: 'j' });
    expect(selected()).toHaveTextContent('Deuxième message');

    fireEvent.keyDown(window, { key: 'e' });
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(1));
    const post = calls.find((c) => c.url.pathname.endsWith('/inbox/2/status'))!;
    expect(JSON.parse(String(post.init?.body))).toEqual({ status: 'answered' });
    expect(selected()).toHaveTextContent('Premier message');

    // a focuses the "assign to" control
    fireEvent.keyDown(window, { key: 'a' });
    expect(document.activeElement).toBe(screen.getByTestId('inbox-service'));
    fireEvent.change(screen.getByTestId('inbox-service'), { target: { value: 's1' } });
    fireEvent.click(screen.getByTestId('inbox-assign'));
    await waitFor(() => expect(screen.getByTestId('inbox-detail-status')).toHaveTextContent('Assigned'));
  });

  it('forwards a message to a service with a note', async () => {
    const calls = stubInbox([item('1', 'Ma commande est arrivée cassée')]);
    renderPage(<InboxPage />, { path: '/w/ws-1/inbox' });
    fireEvent.change(await screen.findByTestId('inbox-service'), { target: { value: 's1' } });
    fireEvent.change(screen.getByLabelText(/A word for the service/), { target: { value: 'Client fidèle' } });
    fireEvent.click(screen.getByTestId('inbox-forward'));
    expect(await screen.findByText('Forwarded to sav@example.com.')).toBeInTheDocument();
    const post = calls.find((c) => c.url.pathname.endsWith('/inbox/1/forward'))!;
    expect(JSON.parse(String(post.init?.body))).toEqual({ serviceId: 's1', message: 'Client fidèle' });
    expect(screen.getByTestId('inbox-detail-status')).toHaveTextContent('Assigned');
  });

  it('sends the filters from the URL to the API', async () => {
    const calls = stubInbox([]);
    renderPage(<InboxPage />, { path: '/w/ws-1/inbox?status=answered&type=complaint&brandId=11111111-1111-4111-8111-111111111111' });
    await screen.findByText('No message here');
    const call = calls.find((c) => c.url.pathname === '/api/workspaces/ws-1/inbox')!;
    expect(call.url.searchParams.get('status')).toBe('answered');
    expect(call.url.searchParams.get('type')).toBe('complaint');
    expect(call.url.searchParams.get('view')).toBe('attention');
    expect(call.url.searchParams.get('brandId')).toBe('11111111-1111-4111-8111-111111111111');
  });

  it('shows a viewer the messages without any action', async () => {
    const calls = stubInbox([item('1', 'Bonjour')]);
    renderPage(<InboxPage />, { path: '/w/ws-1/inbox', role: 'viewer' });
    const detail = await screen.findByTestId('inbox-detail');
    expect(within(detail).queryAllByRole('button')).toHaveLength(0);
    fireEvent.keyDown(window, { key: 'e' });
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(false);
  });
});
