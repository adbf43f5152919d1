/**
 * The kit's copy control, driven as a reader does: its button pressed, the
 * browser's clipboard (here a stand-in) taking or refusing the text. What it
 * shows is its own render; what it speaks lands in the page's announcer.
 */
import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '../../../src/components/kit/CopyButton';
import type { LiveRegion } from '../../../src/lib/kit/announce';

const announcer: LiveRegion = { textContent: '' };

/** Presses the control's button and lets the copy finish; answers what it then shows. */
async function press(control: CopyButton): Promise<string> {
  const [button] = (control.render() as VNode<{ children: VNode<{ onClick: () => void }>[] }>).props.children;
  button!.props.onClick();
  await vi.runAllTimersAsync();
  return render(control.render());
}

function control(props: Partial<ConstructorParameters<typeof CopyButton>[0]> = {}): CopyButton {
  const copy = new CopyButton({
    label: 'Copy link',
    text: () => 'https://example.test/#step-scan-devices',
    copied: 'Link copied',
    onFailure: () => 'Could not copy. The link is now in the address bar.',
    ...props,
  });
  // Outside a rendered tree, a state change is applied at once.
  copy.setState = (next) => Object.assign(copy.state, next);
  return copy;
}

describe('CopyButton', () => {
  const written: string[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    written.length = 0;
    announcer.textContent = '';
    vi.stubGlobal('document', { getElementById: (id: string) => (id === 'announcer' ? announcer : null) });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('renders a plain button and an empty status before it is pressed', () => {
    expect(render(control({ class: 'header-analyzer__copy' }).render())).toBe(
      '<button type="button" class="header-analyzer__copy">Copy link</button><span class="copy-status"></span>',
    );
  });

  it('copies the text made at the moment it is pressed, then shows and speaks that it did', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async (text: string) => void written.push(text) } });
    let address = 'https://example.test/?symptoms=a';
    const copy = control({ text: () => address });
    address = 'https://example.test/?symptoms=a,b';
    expect(await press(copy)).toContain('<span class="copy-status">Link copied</span>');
    expect(written).toEqual(['https://example.test/?symptoms=a,b']);
    expect(announcer.textContent).toBe('Link copied');
  });

  it('when the browser refuses, shows and speaks what to do instead, and runs it once', async () => {
    vi.stubGlobal('navigator', {
      clipboard: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
    const fallback = vi.fn(() => 'Could not copy. Use \u201cDownload (.md)\u201d instead.');
    const copy = control({ onFailure: fallback });
    expect(await press(copy)).toContain('Could not copy. Use \u201cDownload (.md)\u201d instead.');
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(announcer.textContent).toBe('Could not copy. Use \u201cDownload (.md)\u201d instead.');
  });

  it('without any clipboard (an insecure context) takes the fallback too', async () => {
    vi.stubGlobal('navigator', {});
    expect(await press(control())).toContain('Could not copy. The link is now in the address bar.');
  });

  it('a second press speaks again, though the status text stays the same', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async (text: string) => void written.push(text) } });
    const changes: (string | null)[] = [];
    vi.stubGlobal('document', {
      getElementById: () => ({
        set textContent(value: string | null) {
          changes.push(value);
        },
      }),
    });
    const copy = control();
    await press(copy);
    await press(copy);
    expect(changes).toEqual(['', 'Link copied', '', 'Link copied']);
    expect(written).toHaveLength(2);
  });
});
