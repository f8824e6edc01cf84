// GET /v1/models answered from the config: OpenAI's list shape, or Anthropic's when the caller sent
// anthropic-version. Wildcard entries (claude-*) are not model ids a client could pick, and models that
// cannot work (missing key) would only fail when picked, so both stay out of the list.
import type { Dialect } from '../../../../shared/protocol/records';
import type { ModelConfig } from '../../config/types';

export function listModels(models: ModelConfig[], dialect: Dialect, startedAtMs: number): Record<string, unknown> {
  const usable = models.filter((m) => !m.modelName.includes('*') && m.error === null);
  const names = [...new Set(usable.map((m) => m.modelName))];
  if (dialect === 'anthropic') {
    const createdAt = new Date(startedAtMs).toISOString();
    const data = names.map((id) => ({ type: 'model', id, display_name: id, created_at: createdAt }));
    return { data, has_more: false, first_id: names[0] ?? null, last_id: names[names.length - 1] ?? null };
  }
  const created = Math.floor(startedAtMs / 1000);
  const owners = new Map(usable.map((m) => [m.modelName, m.providerPrefix]));
  return { object: 'list', data: names.map((id) => ({ id, object: 'model', created, owned_by: owners.get(id) ?? 'switchboard' })) };
}
