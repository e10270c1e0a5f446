/**
 * A file name a take.json may hold (rawFile, delivery file): one plain name inside the take folder
 * — no separators, no "." or "..", no drive letters, no control characters, ≤ 255 characters.
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\:]/.test(name) &&
    ![...name].some((c) => c.charCodeAt(0) < 0x20)
  );
}
