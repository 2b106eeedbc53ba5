export { startSandbox } from './http/server';
export type { RunningSandbox, SandboxAccountWithUrl, TruthAnswer, TruthPost } from './http/server';
export { SANDBOX_ACCOUNTS, SANDBOX_FEEDS, BRANDS, MASTODON_DOMAIN, feedUrl, redditBrandUser, brandSubreddit } from './accounts';
export type { BrandDef, SandboxFeed, Domain } from './accounts';
export { PLATFORMS } from './types';
export type { Platform, SandboxAccount, SandboxOptions, FaultSpec, FaultKind, LoggedRequest, BrandKind } from './types';
export { FB_IMPRESSIONS_RETIRED_AT } from './platforms/facebook';
export { IG_RETIRED_ALL_VERSIONS_AT } from './platforms/instagram';
