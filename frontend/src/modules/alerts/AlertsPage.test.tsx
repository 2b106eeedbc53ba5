import type { AlertDto } from '@vigie/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import AlertsPage from './AlertsPage';

const alert: AlertDto = {
  id: 'a1',
  ruleId: 'r1',
  brandId: 'b-unknown',
  queryId: null,
  type: 'negative_surge',
  key: 'k',
  status: 'open',
  title: 'Negative surge on "Café Test": 42 mentions',
  details: {},
  count: 42,
  occurrences: 1,
  raisedAt: '2025-03-01T10:00:00Z',
  lastSeenAt: '2025-03-01T10:00:00Z',
  acknowledged: null,
  resolved: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('AlertsPage', () => {
  it('acknowledges an open alert, which then leaves the open list', async () => {
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/workspaces/ws-1/alerts') return { body: [alert] };
      if (url.pathname === '/api/workspaces/ws-1/alerts/a1/acknowledge' && init?.method === 'POST')
        return { body: { ...alert, status: 'acknowledged', acknowledged: { by: 'u', email: 'cm@example.com', at: '2025-03-01T11:00:00Z' } } };
      return undefined;
    });
    renderPage(<AlertsPage />, { path: '/w/ws-1/alerts' });
    expect(await screen.findByText('Negative surge on "Café Test": 42 mentions')).toBeInTheDocument();
    expect(calls[0].url.searchParams.get('status')).toBe('open');
    fireEvent.click(screen.getByTestId('alert-ack'));
    await waitFor(() => expect(screen.queryByTestId('alert')).toBeNull());
    expect(screen.getByText('No open alert')).toBeInTheDocument();
  });

  it('hides the actions from a viewer', async () => {
    stubApi((url) => (url.pathname === '/api/workspaces/ws-1/alerts' ? { body: [alert] } : undefined));
    renderPage(<AlertsPage />, { path: '/w/ws-1/alerts', role: 'viewer' });
    await screen.findByTestId('alert');
    expect(screen.queryByTestId('alert-ack')).toBeNull();
    expect(screen.queryByTestId('alert-resolve')).toBeNull();
  });
});
