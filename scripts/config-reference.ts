// Writes docs/config-reference.md from the config schema (`npm run docs:config`).
import { writeFileSync } from 'node:fs';
import { renderConfigReference } from '../main/core/config/config-reference';

writeFileSync(new URL('../docs/config-reference.md', import.meta.url), renderConfigReference());
console.log('docs/config-reference.md written');
