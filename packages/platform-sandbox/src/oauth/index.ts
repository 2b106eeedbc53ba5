/**
 * OAuth in the sandbox (issue 13): every platform's real authorize / token / refresh / revoke
 * endpoints under its prefix, with a consent page (`#sandbox-allow`, `#sandbox-deny`):
 *   facebook  GET  /vNN.N/dialog/oauth · GET /vNN.N/oauth/access_token (code, fb_exchange_token) · GET /vNN.N/me/accounts
 *   linkedin  GET  /oauth/v2/authorization · POST /oauth/v2/accessToken · GET /rest/organizationAcls
 *   youtube   GET  /o/oauth2/v2/auth · POST /token · POST /revoke · channels?mine=true
 *   x         GET  /i/oauth2/authorize · POST /2/oauth2/token (PKCE required, refresh rotates) · POST /2/oauth2/revoke · GET /2/users/me
 *   tiktok    GET  /v2/auth/authorize/ · POST /v2/oauth/token/ (client_key, refresh rotates)
 *   reddit    GET  /api/v1/authorize · POST /api/v1/access_token · GET /api/v1/me · GET /subreddits/mine/moderator
 *   mastodon  POST /api/v1/apps · GET /oauth/authorize · POST /oauth/token · POST /oauth/revoke · GET /api/v1/accounts/verify_credentials
 *   bluesky   POST /xrpc/com.atproto.server.createSession (app password) · POST /xrpc/com.atproto.server.refreshSession
 * Demo apps: SANDBOX_OAUTH_APPS (client id `vigie-sandbox-<platform>`, any redirect URI). Admin:
 * POST /__sandbox/oauth/revoke {platform?, account?}, POST /__sandbox/oauth/expire {platform?},
 * GET /__sandbox/oauth/grants. Tokens expire on the sandbox clock.
 */
export { OAUTH_FLOWS, SANDBOX_OAUTH_APPS, flowOf, type OAuthFlow, type SandboxOAuthApp } from './flows';
export { OAuthServer, blueskyAppPassword } from './oauth-server';
