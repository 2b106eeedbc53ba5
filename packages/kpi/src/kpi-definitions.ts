import type { KpiKey } from './kpi-keys';

export type KpiKind = 'count' | 'ratio' | 'duration' | 'currency';
/** How the UI renders the value: percent values are fractions (0.125 → "12,5 %"). */
export type KpiFormat = 'integer' | 'percent' | 'minutes' | 'decimal';

export interface LocalizedText {
  fr: string;
  en: string;
}

export interface KpiDefinition {
  key: KpiKey;
  kind: KpiKind;
  format: KpiFormat;
  label: LocalizedText;
  /** One sentence, shown as the KPI's tooltip. */
  definition: LocalizedText;
  /** The formula as computed by computeKpis; Σ = sum over the period. */
  formula: string;
  /** For colouring deltas: true = up is good, false = down is good, null = neither. */
  higherIsBetter: boolean | null;
}

type Draft = Omit<KpiDefinition, 'key'>;

const count = (
  label: LocalizedText,
  definition: LocalizedText,
  formula: string,
  higherIsBetter: boolean | null = true,
): Draft => ({ kind: 'count', format: 'integer', label, definition, formula, higherIsBetter });

const ratio = (
  label: LocalizedText,
  definition: LocalizedText,
  formula: string,
  higherIsBetter: boolean | null = true,
): Draft => ({ kind: 'ratio', format: 'percent', label, definition, formula, higherIsBetter });

const RATIO_OF_SUMS = {
  fr: 'ratio des sommes, pas moyenne des taux par publication',
  en: 'a ratio of sums, not a mean of per-post rates',
};

/** A ratio of two period sums: its definition ends with the RATIO_OF_SUMS reminder, written here once. */
const ratioOfSums = (label: LocalizedText, definition: LocalizedText, formula: string): Draft =>
  ratio(
    label,
    {
      fr: `${definition.fr} (${RATIO_OF_SUMS.fr}).`,
      en: `${definition.en} (${RATIO_OF_SUMS.en}).`,
    },
    formula,
  );

const DRAFTS: Record<KpiKey, Draft> = {
  posts: count(
    { fr: 'Publications', en: 'Posts' },
    {
      fr: 'Nombre de publications de la marque parues sur la période.',
      en: "Number of the brand's posts published during the period.",
    },
    'Σposts',
  ),
  impressions: count(
    { fr: 'Impressions', en: 'Impressions' },
    {
      fr: "Nombre total d'affichages des publications, répétitions comprises (chez Meta depuis 2025 : les « vues », non comparables aux anciennes impressions).",
      en: "Total number of times the posts were displayed, repeats included (on Meta since 2025: 'views', not comparable with the former impressions).",
    },
    'Σimpressions',
  ),
  reach: count(
    { fr: 'Portée', en: 'Reach' },
    {
      fr: 'Comptes uniques ayant vu chaque publication, additionnés sur les publications de la période (une personne compte une fois par publication).',
      en: 'Unique accounts that saw each post, added up over the period’s posts (a person counts once per post).',
    },
    'Σreach',
  ),
  reactions: count(
    { fr: 'Réactions', en: 'Reactions' },
    {
      fr: "J'aime et autres réactions reçues par les publications sur la période.",
      en: 'Likes and other reactions received by the posts during the period.',
    },
    'Σreactions',
  ),
  comments: count(
    { fr: 'Commentaires', en: 'Comments' },
    {
      fr: 'Commentaires et réponses reçus par les publications sur la période.',
      en: 'Comments and replies received by the posts during the period.',
    },
    'Σcomments',
  ),
  shares: count(
    { fr: 'Partages', en: 'Shares' },
    {
      fr: 'Partages, republications et citations des publications sur la période.',
      en: 'Shares, reposts and quotes of the posts during the period.',
    },
    'Σshares',
  ),
  saves: count(
    { fr: 'Enregistrements', en: 'Saves' },
    {
      fr: 'Nombre de fois où les publications ont été enregistrées ou mises en signet.',
      en: 'Number of times the posts were saved or bookmarked.',
    },
    'Σsaves',
  ),
  clicks: count(
    { fr: 'Clics', en: 'Clicks' },
    {
      fr: 'Clics sur les publications ou leurs liens, tels que comptés par la plateforme.',
      en: 'Clicks on the posts or their links, as counted by the platform.',
    },
    'Σclicks',
  ),
  videoViews: count(
    { fr: 'Vues vidéo', en: 'Video views' },
    {
      fr: 'Lectures des vidéos publiées sur la période, selon la définition de chaque plateforme.',
      en: "Plays of the period's videos, as each platform defines them.",
    },
    'ΣvideoViews',
  ),
  interactions: count(
    { fr: 'Interactions', en: 'Interactions' },
    {
      fr: 'Réactions + commentaires + partages + enregistrements reçus par les publications sur la période.',
      en: 'Reactions + comments + shares + saves received by the posts during the period.',
    },
    'Σreactions + Σcomments + Σshares + Σsaves',
  ),
  trackedLinkClicks: count(
    { fr: 'Clics sur liens suivis', en: 'Tracked-link clicks' },
    {
      fr: 'Clics enregistrés par les liens courts suivis de Vigie sur la période.',
      en: "Clicks recorded by Vigie's tracked short links during the period.",
    },
    'ΣtrackedLinkClicks',
  ),
  conversions: count(
    { fr: 'Conversions', en: 'Conversions' },
    {
      fr: 'Conversions attribuées à un lien suivi (achat, inscription…) sur la période.',
      en: 'Conversions (purchase, sign-up…) attributed to a tracked link during the period.',
    },
    'Σconversions',
  ),
  conversionValue: {
    kind: 'currency',
    format: 'decimal',
    label: { fr: 'Valeur des conversions', en: 'Conversion value' },
    definition: {
      fr: 'Somme des montants des conversions de la période, dans la devise de l’espace de travail.',
      en: "Sum of the amounts of the period's conversions, in the workspace currency.",
    },
    formula: 'ΣconversionValue',
    higherIsBetter: true,
  },
  communityRequests: count(
    { fr: 'Demandes de la communauté', en: 'Community requests' },
    {
      fr: 'Messages et commentaires entrants appelant une réponse de la marque (questions, réclamations, contacts…).',
      en: 'Inbound messages and comments that call for an answer from the brand (questions, complaints, contacts…).',
    },
    'ΣcommunityRequests',
    null,
  ),
  communityRequestsAnswered: count(
    { fr: 'Demandes traitées', en: 'Requests answered' },
    {
      fr: 'Demandes de la communauté ayant reçu une réponse humaine de la marque.',
      en: 'Community requests that received a human reply from the brand.',
    },
    'ΣcommunityRequestsAnswered',
  ),
  sentimentPositive: count(
    { fr: 'Mentions positives', en: 'Positive mentions' },
    {
      fr: 'Mentions et commentaires classés positifs sur la période.',
      en: 'Mentions and comments classified as positive during the period.',
    },
    'ΣsentimentPositive',
  ),
  sentimentNegative: count(
    { fr: 'Mentions négatives', en: 'Negative mentions' },
    {
      fr: 'Mentions et commentaires classés négatifs sur la période.',
      en: 'Mentions and comments classified as negative during the period.',
    },
    'ΣsentimentNegative',
    false,
  ),
  sentimentNeutral: count(
    { fr: 'Mentions neutres', en: 'Neutral mentions' },
    {
      fr: 'Mentions et commentaires classés neutres sur la période.',
      en: 'Mentions and comments classified as neutral during the period.',
    },
    'ΣsentimentNeutral',
    null,
  ),
  brandMentions: count(
    { fr: 'Mentions de la marque', en: 'Brand mentions' },
    {
      fr: 'Publications et commentaires externes qui citent la marque, selon ses requêtes de veille.',
      en: 'External posts and comments that mention the brand, according to its watch queries.',
    },
    'ΣbrandMentions',
  ),
  competitorMentions: count(
    { fr: 'Mentions des concurrents', en: 'Competitor mentions' },
    {
      fr: 'Publications et commentaires externes qui citent les concurrents suivis.',
      en: 'External posts and comments that mention the tracked competitors.',
    },
    'ΣcompetitorMentions',
    null,
  ),
  engagementRateByReach: ratioOfSums(
    { fr: "Taux d'engagement (portée)", en: 'Engagement rate by reach' },
    {
      fr: 'Interactions (réactions + commentaires + partages + enregistrements) divisées par la portée, sommées sur la période',
      en: 'Interactions (reactions + comments + shares + saves) divided by reach, both summed over the period',
    },
    'Σinteractions / Σreach',
  ),
  engagementRateByImpressions: ratioOfSums(
    { fr: "Taux d'engagement (impressions)", en: 'Engagement rate by impressions' },
    {
      fr: 'Interactions divisées par les impressions, sommées sur la période',
      en: 'Interactions divided by impressions, both summed over the period',
    },
    'Σinteractions / Σimpressions',
  ),
  engagementRateByFollowers: ratio(
    { fr: "Taux d'engagement (abonnés)", en: 'Engagement rate by followers' },
    {
      fr: 'Interactions moyennes par publication sur la période, divisées par le nombre d’abonnés au dernier jour de la période.',
      en: 'Average interactions per post over the period, divided by the followers on the last day of the period.',
    },
    'Σinteractions / Σposts / followersEnd',
  ),
  amplificationRate: ratio(
    { fr: "Taux d'amplification", en: 'Amplification rate' },
    {
      fr: 'Partages moyens par publication, divisés par le nombre d’abonnés en fin de période.',
      en: 'Average shares per post, divided by the followers at the end of the period.',
    },
    'Σshares / Σposts / followersEnd',
  ),
  applauseRate: ratio(
    { fr: "Taux d'approbation", en: 'Applause rate' },
    {
      fr: 'Réactions moyennes par publication, divisées par le nombre d’abonnés en fin de période.',
      en: 'Average reactions per post, divided by the followers at the end of the period.',
    },
    'Σreactions / Σposts / followersEnd',
  ),
  conversationRate: ratio(
    { fr: 'Taux de conversation', en: 'Conversation rate' },
    {
      fr: 'Commentaires moyens par publication, divisés par le nombre d’abonnés en fin de période.',
      en: 'Average comments per post, divided by the followers at the end of the period.',
    },
    'Σcomments / Σposts / followersEnd',
  ),
  followers: count(
    { fr: 'Abonnés', en: 'Followers' },
    {
      fr: 'Nombre d’abonnés (fans, followers) au dernier jour de la période.',
      en: 'Number of followers (fans, subscribers) on the last day of the period.',
    },
    'followersEnd',
  ),
  netFollowers: count(
    { fr: 'Abonnés gagnés (net)', en: 'Net new followers' },
    {
      fr: 'Abonnés en fin de période moins abonnés en début de période (négatif en cas de perte).',
      en: 'Followers at the end of the period minus followers at its start (negative on a loss).',
    },
    'followersEnd − followersStart',
  ),
  followerGrowthRate: ratio(
    { fr: 'Croissance des abonnés', en: 'Follower growth rate' },
    {
      fr: 'Abonnés gagnés (net) sur la période divisés par le nombre d’abonnés en début de période.',
      en: 'Net new followers over the period divided by the followers at its start.',
    },
    '(followersEnd − followersStart) / followersStart',
  ),
  ctr: ratioOfSums(
    { fr: 'Taux de clic (CTR)', en: 'Click-through rate (CTR)' },
    {
      fr: 'Clics divisés par les impressions, sommés sur la période',
      en: 'Clicks divided by impressions, both summed over the period',
    },
    'Σclicks / Σimpressions',
  ),
  conversionRate: ratio(
    { fr: 'Taux de conversion', en: 'Conversion rate' },
    {
      fr: 'Conversions divisées par les clics sur les liens suivis de la période.',
      en: "Conversions divided by the period's tracked-link clicks.",
    },
    'Σconversions / ΣtrackedLinkClicks',
  ),
  responseRate: ratio(
    { fr: 'Taux de réponse', en: 'Response rate' },
    {
      fr: 'Demandes de la communauté ayant reçu une réponse de la marque, divisées par toutes les demandes de la période.',
      en: "Community requests answered by the brand divided by all of the period's community requests.",
    },
    'ΣcommunityRequestsAnswered / ΣcommunityRequests',
  ),
  medianFirstResponseMinutes: {
    kind: 'duration',
    format: 'minutes',
    label: { fr: 'Délai médian de 1re réponse', en: 'Median first response time' },
    definition: {
      fr: 'Médiane, sur les demandes traitées, du délai entre le premier message entrant et la première réponse humaine de la marque (les réponses automatiques ne comptent pas).',
      en: "Median, over answered requests, of the time from the first inbound message to the brand's first human reply (automated replies do not count).",
    },
    formula: 'median(firstHumanReplyAt − firstInboundAt) in minutes',
    higherIsBetter: false,
  },
  p90FirstResponseMinutes: {
    kind: 'duration',
    format: 'minutes',
    label: {
      fr: 'Délai de 1re réponse (90e centile)',
      en: 'First response time (90th percentile)',
    },
    definition: {
      fr: '90 % des demandes traitées ont reçu une première réponse humaine en moins de ce délai.',
      en: '90% of answered requests got a first human reply within this time.',
    },
    formula: 'p90(firstHumanReplyAt − firstInboundAt) in minutes, linear interpolation',
    higherIsBetter: false,
  },
  netSentiment: {
    kind: 'ratio',
    format: 'percent',
    label: { fr: 'Sentiment net', en: 'Net sentiment' },
    definition: {
      fr: 'Mentions positives moins négatives, divisées par positives plus négatives (les neutres sont exclues) : de −100 % à +100 %.',
      en: 'Positive minus negative mentions, divided by positive plus negative (neutral ones excluded): from −100% to +100%.',
    },
    formula:
      '(ΣsentimentPositive − ΣsentimentNegative) / (ΣsentimentPositive + ΣsentimentNegative)',
    higherIsBetter: true,
  },
  shareOfVoice: ratio(
    { fr: 'Part de voix', en: 'Share of voice' },
    {
      fr: 'Mentions de la marque divisées par les mentions de la marque et de ses concurrents suivis.',
      en: 'Brand mentions divided by the mentions of the brand and its tracked competitors.',
    },
    'ΣbrandMentions / (ΣbrandMentions + ΣcompetitorMentions)',
  ),
};

function withKeys(drafts: Record<KpiKey, Draft>): Readonly<Record<KpiKey, KpiDefinition>> {
  const definitions = {} as Record<KpiKey, KpiDefinition>;
  for (const key of Object.keys(drafts) as KpiKey[]) definitions[key] = { key, ...drafts[key] };
  return definitions;
}

/** Label, tooltip sentence (FR/EN), formula and delta colouring of every KPI. */
export const KPI_DEFINITIONS: Readonly<Record<KpiKey, KpiDefinition>> = withKeys(DRAFTS);
