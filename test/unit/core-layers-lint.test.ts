// Self-check of the layer rule in lint: ESLint itself, with the repository's config, refuses an import from
// a lower layer of main/core into a higher one, and allows the other direction. A config that loses the
// rule fails here.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core layers in lint', () => {
  it('refuses config importing admin, and the gateway layer from a folder', async () => {
    expect(await lint('main/core/config/sample.ts', "import type { AdminModel } from '../admin/admin-model-types';\nexport type A = AdminModel;\n")).toEqual([
      'local/core-layers: layer config may not import layer admin (../admin/admin-model-types); move what both need into the lower layer',
    ]);
    expect(await lint('main/core/backends/sample.ts', "import type { Gateway } from '../gateway-types';\nexport type G = Gateway;\n")).toHaveLength(1);
  });

  it('allows admin importing config', async () => {
    expect(await lint('main/core/admin/sample.ts', "import type { GatewayConfig } from '../config/types';\nexport type C = GatewayConfig;\n")).toEqual([]);
  });
});
