/**
 * The shared vocabulary of the HTTP contract (ARCHITECTURE.md), used by backend and frontend:
 * platforms, content types, metric keys (owned by @vigie/kpi) and every reply DTO. The OpenAPI
 * document's schemas are generated from these types (scripts/generate-schemas.mjs).
 */
export * from './common';
export * from './platforms';
export * from './metrics';
export * from './auth';
export * from './workspaces';
export * from './brands';
export * from './channels';
export * from './connect';
export * from './imports';
export * from './posts';
export * from './kpis';
export * from './inbox';
export * from './veille';
export * from './links';
export * from './reports';
export * from './privacy';
export * from './text';
export * from './crisis';
