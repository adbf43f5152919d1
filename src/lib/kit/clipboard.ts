/**
 * The one way islands copy text: true when it reached the clipboard. The
 * Clipboard API rejects without a secure context, a permission or a user
 * gesture; callers then offer another way (the address bar, a download).
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.clipboard,
): Promise<boolean> {
  try {
    if (!clipboard) return false;
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
