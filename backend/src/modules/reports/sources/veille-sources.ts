import { Injectable } from '@nestjs/common';
import { AlertsSource, ShareOfVoiceSource } from './report-sources';

/**
 * Veille alerts and per-competitor share of voice: the veille module does not expose them yet
 * (only watch queries and mentions). Until it does, these report "not available"; the brand's
 * overall share of voice still comes from the KPI API (brandMentions / competitorMentions).
 */
@Injectable()
export class UnavailableAlertsSource extends AlertsSource {
  async forPeriod() {
    return null;
  }
}

@Injectable()
export class UnavailableShareOfVoiceSource extends ShareOfVoiceSource {
  async forPeriod() {
    return null;
  }
}
