import { contractSchemas, type ReplyRef, SCHEMA_REF_PREFIX } from '../common/http/api-reply';
import { listRoutes, type RouteInfo } from '../common/route-table';
import { createTestApp, type TestApp } from '../test-utils/test-app';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
}

const routeName = (r: RouteInfo) => `${r.method} ${r.path} (${r.controller}.${r.handler})`;
const refOf = (ref: ReplyRef) => SCHEMA_REF_PREFIX + (typeof ref === 'string' ? ref : ref[0]);

/** Every `$ref` anywhere below a node. */
function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/**
 * The OpenAPI document describes every JSON reply with a schema generated from @vigie/contracts
 * (the types the frontend compiles against). Walks the route table, so a route added later
 * without @ApiReply fails here.
 */
describe('OpenAPI reply schemas', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp();
    routes = listRoutes(t.app);
    const res = await t.http.get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('finds the routes, and tells JSON replies from files, pages and redirects', () => {
    expect(routes.length).toBeGreaterThan(50);
    const notJson = routes.filter((r) => r.method === 'GET' && !r.json).map((r) => r.path);
    expect(notJson).toEqual(
      expect.arrayContaining(['/r/:code', '/api/workspaces/:workspaceId/reports/:reportId/pdf', '/api/workspaces/:workspaceId/reports/:reportId/html']),
    );
    expect(routes.find((r) => r.path === '/api/health')?.json).toBe(true);
  });

  it('every JSON GET route declares its reply schema with @ApiReply', () => {
    const missing = routes.filter((r) => r.method === 'GET' && r.json && !r.reply).map(routeName);
    expect(missing).toEqual([]);
  });

  it('every declared reply schema exists among the contracts schemas served in the document', () => {
    const schemas = contractSchemas();
    expect(Object.keys(schemas).length).toBeGreaterThan(50);
    const unknown = routes
      .filter((r) => r.reply)
      .filter((r) => {
        const name = refOf(r.reply!).slice(SCHEMA_REF_PREFIX.length);
        return !schemas[name] || !doc.components.schemas[name];
      })
      .map((r) => `${routeName(r)} → ${JSON.stringify(r.reply)}`);
    expect(unknown).toEqual([]);
  });

  it("each route's success response references its schema in the document", () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.reply)) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const schemas = Object.values(op?.responses ?? {}).map((resp) => resp.content?.['application/json']?.schema);
      if (!schemas.some((s) => refsIn(s).includes(refOf(r.reply!)))) wrong.push(routeName(r));
    }
    expect(wrong).toEqual([]);
  });

  it('is OpenAPI 3.1 and every $ref in the document resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    const dangling = [...new Set(refsIn(doc))].filter(
      (ref) => !ref.startsWith(SCHEMA_REF_PREFIX) || !doc.components.schemas[ref.slice(SCHEMA_REF_PREFIX.length)],
    );
    expect(dangling).toEqual([]);
  });

  it('describes timestamps as date-time strings and platforms by the shared list', () => {
    expect(doc.components.schemas.IsoDateTime).toMatchObject({ type: 'string', format: 'date-time' });
    expect(doc.components.schemas.Platform).toMatchObject({ type: 'string', enum: expect.arrayContaining(['mastodon', 'rss']) });
  });
});
