import type { CrisisStage } from '@vigie/contracts';
import { useTranslation } from 'react-i18next';

const TONE: Record<CrisisStage, string> = { watch: 'degraded', active: 'failing', contained: 'neutral', closed: 'ok' };

export function StageBadge({ stage }: { stage: CrisisStage }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${TONE[stage]}`} data-testid="crisis-stage" data-stage={stage}>
      {t(`crisis.stage.${stage}`)}
    </span>
  );
}
