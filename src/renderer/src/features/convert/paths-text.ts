/**
 * Pasted or dropped text → paths: one per line; the quotes of "Copy as path" and file:// URLs (what
 * a file manager hands over when dragging) are removed. Main checks every path again.
 */
export function pathsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .map((l) => (l.startsWith('file://') ? fileUrlToPath(l) : l))
    .filter((l) => l !== '');
}

function fileUrlToPath(url: string): string {
  try {
    // file:///C:/x → C:/x on Windows; file:///home/x → /home/x elsewhere.
    return decodeURIComponent(new URL(url).pathname).replace(/^\/([A-Za-z]:)/, '$1');
  } catch {
    return url;
  }
}
