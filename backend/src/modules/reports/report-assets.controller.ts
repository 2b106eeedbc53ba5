import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/roles';
import { REPORT_CSS } from './render/report-css';

/** The report page's stylesheet: a file from 'self', as the CSP requires (no inline styles). */
@ApiExcludeController()
@Controller('report-assets')
export class ReportAssetsController {
  @Get('report.css')
  @Public()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  css(): string {
    return REPORT_CSS;
  }
}
