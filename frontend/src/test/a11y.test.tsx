import axe from 'axe-core';
import { screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AlertsPage from '../modules/alerts/AlertsPage';
import ChannelsPage from '../modules/channels/ChannelsPage';
import CrisesPage from '../modules/crisis/CrisesPage';
import CompetitorsPage from '../modules/competitors/CompetitorsPage';
import InboxPage from '../modules/inbox/InboxPage';
import InfluencersPage from '../modules/influencers/InfluencersPage';
import LinksPage from '../modules/links/LinksPage';
import MentionsPage from '../modules/mentions/MentionsPage';
import OverviewPage from '../modules/overview/OverviewPage';
import PostsPage from '../modules/posts/PostsPage';
import ReportsPage from '../modules/reports/ReportsPage';
import SettingsPage from '../modules/settings/SettingsPage';
import VeillePage from '../modules/veille/VeillePage';
import { fixtureHandler } from './fixtures';
import { BRANDS, renderPage, stubApi } from './render';

// Canvas charts are not drawn in jsdom; they are replaced by their labelled placeholder.
vi.mock('../lib/chart/LineChart', () => ({ LineChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));
vi.mock('../lib/chart/BarChart', () => ({ BarChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

afterEach(() => vi.unstubAllGlobals());

const PAGES: Array<[string, ComponentType, string]> = [
  ['overview', OverviewPage, 'kpi-reach'],
  ['posts', PostsPage, 'posts-table'],
  ['mentions', MentionsPage, 'mention-feed'],
  ['alerts', AlertsPage, 'alerts-list'],
  ['crises', CrisesPage, 'crises-table'],
  ['inbox', InboxPage, 'inbox-detail'],
  ['veille', VeillePage, 'query-form'],
  ['competitors', CompetitorsPage, 'sov-table'],
  ['influencers', InfluencersPage, 'empty-state'],
  ['channels', ChannelsPage, 'channels-table'],
  ['links', LinksPage, 'funnel'],
  ['reports', ReportsPage, 'report-build'],
  ['settings', SettingsPage, 'members-table'],
];

/** axe rules that need a real layout engine (jsdom has none): checked in the browser e2e instead. */
const LAYOUT_RULES = { 'color-contrast': { enabled: false } };

describe('accessibility (axe-core)', () => {
  it.each(PAGES)('%s has no axe violations', async (page, Page, readyTestId) => {
    stubApi(fixtureHandler);
    const { container } = renderPage(<Page />, { path: `/w/ws-1/${page}?brandId=${BRANDS[0].id}&from=2025-03-01&to=2025-03-02`, role: 'admin' });
    await screen.findByTestId(readyTestId);
    await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).toBeNull());
    const result = await axe.run(container, { rules: LAYOUT_RULES });
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
  }, 20_000);
});
