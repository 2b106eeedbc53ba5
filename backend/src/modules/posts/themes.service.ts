import { Injectable } from '@nestjs/common';
import { ASPECT_KEYS, type AspectKeyDto, type ConversationThemeDto, type ConversationThemesDto } from '@vigie/contracts';
import type { DayPeriod } from '@vigie/kpi';
import { checkPeriod } from '../../common/http/day-period';
import { ChannelsService } from '../channels/channels.service';
import { type ThemeCountRow, CommentsRepository } from './comments.repository';
import type { ThemesQueryDto } from './posts.dto';

/**
 * "What the community talks about": the themes (aspects) of the brand's community comments in a
 * period, each with its tone, next to the previous period of the same length.
 */
@Injectable()
export class ThemesService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly channels: ChannelsService,
  ) {}

  async themes(workspaceId: string, q: ThemesQueryDto): Promise<ConversationThemesDto> {
    const { period, previousPeriod } = checkPeriod(q.from, q.to);
    return this.compare(workspaceId, q.brandId, period, previousPeriod, q.channelAccountId);
  }

  /** The themes of `period` next to any earlier period (the monthly report: the previous month). */
  async compare(workspaceId: string, brandId: string, period: DayPeriod, previousPeriod: DayPeriod, channelAccountId?: string): Promise<ConversationThemesDto> {
    const scope = await this.channels.scope(workspaceId, brandId, channelAccountId);
    const rows = await this.comments.themeCounts(scope, [period.from, previousPeriod.from], [period.to, previousPeriod.to]);
    return { brandId, period, previousPeriod, ...summarizeThemes(rows) };
  }
}

/** Period 1 is the asked one, period 2 the previous one (see CommentsRepository.themeCounts). */
export function summarizeThemes(rows: readonly ThemeCountRow[]): Pick<ConversationThemesDto, 'analysedComments' | 'withTheme' | 'themes'> {
  const known = new Set<string>(ASPECT_KEYS);
  const byAspect = new Map<AspectKeyDto, ConversationThemeDto>();
  const theme = (aspect: AspectKeyDto) => {
    let t = byAspect.get(aspect);
    if (!t) {
      t = { aspect, comments: 0, negative: 0, neutral: 0, positive: 0, net: 0, previousComments: 0 };
      byAspect.set(aspect, t);
    }
    return t;
  };
  let analysedComments = 0;
  let withTheme = 0;
  for (const r of rows) {
    if (r.aspect === null) {
      if (r.i === 1) analysedComments = r.n;
      continue;
    }
    if (r.aspect === '*') {
      if (r.i === 1) withTheme = r.n;
      continue;
    }
    // A theme the detector no longer knows (older model) is not shown rather than mislabelled.
    if (!known.has(r.aspect)) continue;
    const t = theme(r.aspect as AspectKeyDto);
    if (r.i === 2) {
      t.previousComments = (t.previousComments ?? 0) + r.n;
      continue;
    }
    t.comments += r.n;
    if (r.polarity) t[r.polarity] += r.n;
  }
  const themes = [...byAspect.values()]
    .filter((t) => t.comments > 0)
    .map((t) => ({ ...t, net: Math.round(((t.positive - t.negative) / t.comments) * 1000) / 1000 }))
    .sort((a, b) => b.comments - a.comments || a.aspect.localeCompare(b.aspect));
  return { analysedComments, withTheme, themes };
}
