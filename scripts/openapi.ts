/** Writes docs/openapi.json from the route declarations: `node --import tsx scripts/openapi.ts`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../src/server/openapi-document.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
writeFileSync(target, openApiDocument() + '\n');
process.stdout.write(`wrote ${target}\n`);
