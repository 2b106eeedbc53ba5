import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRANDS, renderPage, stubApi } from '../../test/render';
import VeillePage from './VeillePage';

afterEach(() => vi.unstubAllGlobals());

describe('VeillePage', () => {
  it('shows a syntax error at its position, then previews and saves the fixed query', async () => {
    const calls = stubApi((url, init) => {
      if (url.pathname === '/api/workspaces/ws-1/watch-queries' && (!init?.method || init.method === 'GET')) return { body: [] };
      if (url.pathname === '/api/workspaces/ws-1/alert-rules') return { body: [] };
      if (url.pathname === '/api/workspaces/ws-1/watch-queries/preview')
        return {
          body: {
            count: 1,
            scanned: 12,
            matches: [{ id: 'm1', platform: 'x', text: 'Le café est <b>top</b>', spans: [{ start: 3, end: 7 }] }],
          },
        };
      if (url.pathname === '/api/workspaces/ws-1/watch-queries' && init?.method === 'POST')
        return { status: 201, body: { id: 'q1', brandId: BRANDS[0].id, kind: 'brand', name: 'Marque', query: 'café', active: true } };
      return undefined;
    });
    const { container } = renderPage(<VeillePage />, { path: `/w/ws-1/veille?brandId=${BRANDS[0].id}`, role: 'cm' });
    const input = await screen.findByTestId('query-input');

    fireEvent.change(input, { target: { value: 'café AND' } });
    const error = screen.getByTestId('query-error');
    expect(error).toHaveAttribute('data-position', '8');
    expect(error).toHaveTextContent(/position 8/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('query-save')).toBeDisabled();

    fireEvent.change(input, { target: { value: 'café' } });
    expect(screen.queryByTestId('query-error')).toBeNull();
    expect(screen.getByTestId('query-ok')).toBeInTheDocument();

    // Debounced preview: matched words highlighted, the text itself never parsed as HTML.
    const count = await screen.findByTestId('preview-count', {}, { timeout: 2000 });
    expect(count).toHaveAttribute('data-value', '1');
    const preview = screen.getByTestId('query-preview');
    expect(within(preview).getByText('café')).toHaveProperty('tagName', 'MARK');
    expect(container.querySelector('b')).toBeNull();

    fireEvent.change(screen.getByTestId('query-name'), { target: { value: 'Marque' } });
    fireEvent.click(screen.getByTestId('query-save'));
    await screen.findByText('“Marque” is saved.');
    const post = calls.find((c) => c.init?.method === 'POST' && c.url.pathname.endsWith('/watch-queries'))!;
    expect(JSON.parse(String(post.init?.body))).toEqual({ name: 'Marque', kind: 'brand', query: 'café', active: true, brandId: BRANDS[0].id });
    await waitFor(() => expect(calls.filter((c) => c.url.pathname.endsWith('/preview')).length).toBeGreaterThan(0));
  });

  it('shows the server position when the API rejects the query', async () => {
    stubApi((url, init) => {
      if (url.pathname === '/api/workspaces/ws-1/watch-queries' && init?.method === 'POST')
        return { status: 400, body: { statusCode: 400, message: 'Unknown filter "foo" at position 0', position: 0 } };
      if (url.pathname.endsWith('/watch-queries') || url.pathname.endsWith('/alert-rules')) return { body: [] };
      if (url.pathname.endsWith('/preview')) return { body: { count: 0, scanned: 0, matches: [] } };
      return undefined;
    });
    renderPage(<VeillePage />, { path: `/w/ws-1/veille?brandId=${BRANDS[0].id}`, role: 'cm' });
    fireEvent.change(await screen.findByTestId('query-input'), { target: { value: 'café' } });
    fireEvent.change(screen.getByTestId('query-name'), { target: { value: 'X' } });
    fireEvent.click(screen.getByTestId('query-save'));
    expect(await screen.findByTestId('query-error')).toHaveTextContent('Unknown filter "foo" at position 0');
  });
});
