// Saves text as a file through a temporary object URL (no server round trip, nothing in the page URL).
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // the click starts the download synchronously; revoking on the next tick is enough
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
