import type { WorkspaceDto } from '@vigie/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { presetPeriod, todayIn } from '../../lib/period';
import { BRANDS, WORKSPACE } from '../../test/render';
import { renderShell } from '../../test/render-shell';

const OTHER: WorkspaceDto = { ...WORKSPACE, id: 'ws-2', name: 'Agence B' };

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

const renderAt = (path: string) => renderShell(path, <Where />, [WORKSPACE, OTHER]);

describe('TopBar', () => {
  it('writes the chosen period and brand into the URL, and the navigation keeps them', () => {
    renderAt('/w/ws-1/overview');
    fireEvent.change(screen.getByTestId('period-preset'), { target: { value: '7d' } });
    const p = presetPeriod('7d', todayIn('Europe/Paris'));
    expect(screen.getByTestId('where')).toHaveTextContent(`/w/ws-1/overview?from=${p.from}&to=${p.to}`);
    fireEvent.change(screen.getByTestId('brand-switcher'), { target: { value: BRANDS[1].id } });
    expect(screen.getByTestId('nav-posts')).toHaveAttribute('href', `/w/ws-1/posts?brandId=${BRANDS[1].id}&from=${p.from}&to=${p.to}`);
  });

  it('drops the brand but keeps the period and page when switching workspace', () => {
    renderAt(`/w/ws-1/posts?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-07`);
    fireEvent.change(screen.getByTestId('workspace-switcher'), { target: { value: 'ws-2' } });
    expect(screen.getByTestId('where')).toHaveTextContent('/w/ws-2/posts?from=2025-03-01&to=2025-03-07');
  });

  it('custom period: each end is bounded by the other (and by today) and only a whole day is applied', () => {
    renderAt('/w/ws-1/overview?from=2025-03-01&to=2025-03-07');
    fireEvent.change(screen.getByTestId('period-preset'), { target: { value: 'custom' } });
    const from = screen.getByTestId('period-from');
    const to = screen.getByTestId('period-to');
    expect(from).toHaveValue('2025-03-01');
    expect(from).toHaveAttribute('max', '2025-03-07');
    expect(from).not.toHaveAttribute('min');
    expect(to).toHaveValue('2025-03-07');
    expect(to).toHaveAttribute('min', '2025-03-01');
    expect(to).toHaveAttribute('max', todayIn('Europe/Paris'));
    fireEvent.change(from, { target: { value: '2025-02-20' } });
    expect(screen.getByTestId('where')).toHaveTextContent('/w/ws-1/overview?from=2025-02-20&to=2025-03-07');
    fireEvent.change(to, { target: { value: '' } });
    expect(screen.getByTestId('where')).toHaveTextContent('/w/ws-1/overview?from=2025-02-20&to=2025-03-07');
    fireEvent.change(to, { target: { value: '2025-03-10' } });
    expect(screen.getByTestId('where')).toHaveTextContent('/w/ws-1/overview?from=2025-02-20&to=2025-03-10');
  });

  it('ignores a brand id that is not in the workspace', () => {
    renderAt('/w/ws-1/overview?brandId=not-a-brand');
    expect(screen.getByTestId('brand-switcher')).toHaveValue(BRANDS[0].id);
  });
});
