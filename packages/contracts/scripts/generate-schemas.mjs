// Generates dist/schemas.json: one JSON Schema per exported type of src/ (OpenAPI 3.1 components,
// `$ref`s pointing at #/components/schemas/<Name>). The backend serves them in /api/docs, so the
// document describes the very types the frontend compiles against.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = createGenerator({
  path: path.join(root, 'src/index.ts'),
  tsconfig: path.join(root, 'tsconfig.build.json'),
  type: '*',
  expose: 'export',
  jsDoc: 'extended',
  topRef: true,
  skipTypeCheck: true,
  additionalProperties: true,
}).createSchema('*');

const definitions = JSON.parse(
  JSON.stringify(schema.definitions ?? {}).replaceAll('"#/definitions/', '"#/components/schemas/'),
);
// Type names only: exported functions (isPlatform …) are not schemas.
const names = Object.keys(definitions).filter((k) => /^[A-Z]/.test(k)).sort();
const sorted = Object.fromEntries(names.map((k) => [k, definitions[k]]));
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist/schemas.json'), JSON.stringify(sorted, null, 1) + '\n');
console.log(`contracts: ${Object.keys(sorted).length} schemas written to dist/schemas.json`);
