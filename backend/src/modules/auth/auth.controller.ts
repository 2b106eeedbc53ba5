import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../common/auth/principal';
import { Public } from '../../common/auth/roles';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ChangePasswordDto, CreateApiTokenDto, LoginDto } from './auth.dto';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { Audited } from '../../common/audit/audited.decorator';
import { ApiReply, type Wire } from '../../common/http/api-reply';
import type { ApiTokenDto, MeDto } from '@vigie/contracts';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiReply('MeDto')
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Wire<MeDto>> {
    const { token, session, user } = await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: session.expiresAt,
    });
    return { ...(await this.auth.me(user.id)), csrfToken: session.csrfToken };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) res: Response) {
    if (p.sessionId) await this.auth.logout(p.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiReply('MeDto')
  @Get('me')
  async me(@CurrentPrincipal() p: Principal, @Req() req: Request): Promise<Wire<MeDto>> {
    const me = await this.auth.me(p.userId);
    // The SPA reads its CSRF token here after a reload (the cookie itself is httpOnly).
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const csrfToken = cookie ? (await this.auth.resolveSession(cookie))?.csrfToken : undefined;
    return { ...me, csrfToken };
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(p, dto.currentPassword, dto.newPassword);
  }

  @ApiReply('ApiTokenDto')
  @Post('tokens')
  @Audited('token.create', { workspaceFrom: 'body' })
  createToken(@CurrentPrincipal() p: Principal, @Body() dto: CreateApiTokenDto): Promise<Wire<ApiTokenDto>> {
    return this.auth.createApiToken(p, dto.name, dto.workspaceId, dto.role);
  }

  @ApiReply(['ApiTokenDto'])
  @Get('tokens')
  listTokens(@CurrentPrincipal() p: Principal): Promise<Wire<ApiTokenDto[]>> {
    return this.auth.listApiTokens(p.userId);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @Audited('token.revoke', { workspaceFrom: { table: 'api_tokens' } })
  revokeToken(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.auth.revokeApiToken(p.userId, id);
  }
}
