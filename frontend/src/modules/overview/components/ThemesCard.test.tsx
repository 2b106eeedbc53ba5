import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, stubApi } from '../../../test/render';
import { ThemesCard } from './ThemesCard';

const BODY = {
  brandId: 'b-1',
  period: { from: '2025-03-01', to: '2025-03-31' },
  previousPeriod: { from: '2025-01-29', to: '2025-02-28' },
  analysedComments: 40,
  withTheme: 10,
  themes: [
    { aspect: 'delivery', comments: 8, negative: 6, neutral: 0, positive: 2, net: -0.5, previousComments: 3 },
    { aspect: 'price', comments: 2, negative: 0, neutral: 1, positive: 1, net: 0.5, previousComments: 0 },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('ThemesCard', () => {
  it('lists each theme with its comments, tone shares (as text for screen readers), net balance and previous period', async () => {
    let asked: URL | null = null;
    stubApi((url) => {
      if (url.pathname !== '/api/workspaces/ws-1/themes') return undefined;
      asked = url;
      return { body: BODY };
    });
    renderPage(<ThemesCard workspaceId="ws-1" brandId="b-1" from="2025-03-01" to="2025-03-31" />, { path: '/w/ws-1/overview' });
    const row = await screen.findByTestId('theme-delivery');
    expect(asked!.searchParams.get('brandId')).toBe('b-1');
    expect(asked!.searchParams.get('from')).toBe('2025-03-01');
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(within(row).getByRole('rowheader').textContent).toMatch(/Livraison|Delivery/);
    expect(cells[0]).toBe('8');
    expect(within(row).getByRole('img').getAttribute('aria-label')).toMatch(/75/);
    expect(cells[2]).toMatch(/^[-−]0[,.]50$/);
    expect(cells[3]).toBe('3');
    expect(screen.getByTestId('theme-price')).toBeTruthy();
    expect(screen.getByText(/40/)).toBeTruthy();
  });
});
