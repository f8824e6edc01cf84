// Upstream error pages that are not JSON (Cloudflare's HTML, proxies' plain text) become one readable
// line naming the host, before translate/errors.ts renders them in the caller's dialect.

export function readableErrorText(status: number, host: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return text;
  if (/Error(?:\s|&nbsp;)*(?:code:?\s*)?1200\b/i.test(text)) {
    return `Upstream ${host} answered ${status}: Cloudflare Error 1200 (too many queued requests to the origin); retry later`;
  }
  const plain = text
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return plain ? `Upstream ${host} answered ${status}: ${plain}` : `Upstream ${host} answered ${status} with no body`;
}
