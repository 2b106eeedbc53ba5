import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/roles';
import { ClickRecorder } from './click-recorder.service';
import { LinksService } from './links.service';
import { referrerClass } from './referrer-class';
import { withUtm } from './utm';

const NOT_FOUND_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Lien introuvable</title></head>
<body><h1>Lien introuvable / Link not found</h1><p>Ce lien n'existe pas ou a été supprimé.</p>
<p>This link does not exist or was deleted.</p></body></html>`;

/** GET /r/:code (outside /api, see UNPREFIXED_ROUTES): 302 to the target with UTM tags. */
@ApiExcludeController()
@Controller()
export class RedirectController {
  constructor(
    private readonly links: LinksService,
    private readonly clicks: ClickRecorder,
  ) {}

  @Public()
  @Get('r/:code')
  async redirect(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const link = await this.links.findByCode(code);
    if (!link) {
      res.status(404).type('html').send(NOT_FOUND_PAGE);
      return;
    }
    const clickId = await this.clicks.record(
      link.id,
      referrerClass(req.get('referer')),
      req.ip ?? '',
      req.get('user-agent') ?? '',
    );
    const source = link.platform ?? link.channel ?? 'vigie';
    res.redirect(302, withUtm(link.target_url, { source, medium: 'social', campaign: link.campaign }, clickId));
  }
}
