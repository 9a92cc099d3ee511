// `npm run compose:env`: writes .env for docker-compose with fresh secrets (never overwrites an existing one).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

const file = path.join(root, '.env');
if (existsSync(file)) {
  console.log('.env exists already; delete it first to generate new secrets.');
  process.exit(0);
}
const secret = () => randomBytes(32).toString('base64url');
const lines = readFileSync(path.join(root, '.env.example'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/change-me/g, () => secret()));
writeFileSync(file, `${lines.join('\n')}`, { mode: 0o600 });
console.log('Wrote .env with fresh secrets for docker-compose (git ignores it).');
