import { Inject, Injectable, Logger } from '@nestjs/common';
import { MailerService } from '../../../common/mail/mailer.service';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { BrandsService } from '../../brands/brands.service';
import { WorkspacesService } from '../../workspaces/workspaces.service';

export interface ReconnectSubject {
  workspaceId: string;
  brandId: string;
  platform: string;
  handle: string;
}

/**
 * The e-mail (FR and EN) that tells a workspace's admins and CMs that an account stopped syncing
 * because the platform refused its token, with the link to reconnect it.
 */
@Injectable()
export class ReconnectNotice {
  private readonly logger = new Logger('token-keeper');

  constructor(
    private readonly brands: BrandsService,
    private readonly workspaces: WorkspacesService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  /** Never throws: the account's status is what matters, a mail failure is only logged. */
  async send({ workspaceId, brandId, platform, handle }: ReconnectSubject, reason: string): Promise<void> {
    try {
      const [brand, members] = await Promise.all([this.brands.get(workspaceId, brandId), this.workspaces.listMembers(workspaceId)]);
      const to = members.filter((m) => m.role === 'admin' || m.role === 'cm').map((m) => m.email);
      if (!to.length) return;
      const link = `${this.config.publicUrl}/channels`;
      await this.mailer.send({
        to,
        subject: `[Vigie] ${brand.name} · ${platform} ${handle} : reconnexion nécessaire / reconnect needed`,
        text:
          `Le compte ${platform} « ${handle} » de ${brand.name} n'est plus synchronisé : la plateforme a refusé son jeton.\n` +
          `Raison : ${reason}\nReconnectez-le depuis ${link} (bouton « Reconnecter »). Les autres comptes continuent de se synchroniser.\n\n` +
          `The ${platform} account "${handle}" of ${brand.name} is no longer syncing: the platform refused its token.\n` +
          `Reason: ${reason}\nReconnect it from ${link} ("Reconnect"). Your other accounts keep syncing.\n`,
        tag: `reconnect-${platform}`,
      });
    } catch (e) {
      // The status is what matters (the dashboard shows it); a mail failure must not hide it.
      this.logger.warn(`reconnect notice for ${platform} ${handle} not sent: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
