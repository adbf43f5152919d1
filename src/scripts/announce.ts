/** Speak a short status through the page's polite live region. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes a repeated message ("Link copied" twice) heard again.
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}
