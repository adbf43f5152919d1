/**
 * Renders its children into an element outside the island's own root: the
 * way an island adds controls to the article's markup (a checkbox on each of
 * the article's symptoms, a status on each of its steps) instead of rendering
 * a second copy of it. The children stay part of the island's render, with
 * its props and handlers; only their place in the page differs.
 *
 * Preact's own `render` into the container, not preact/compat's createPortal:
 * compat would add about 4 KB gzip to a page whose hydrated weight is capped.
 */
import { Component, render, type ComponentChildren } from 'preact';

interface Props {
  into: Element;
  children: ComponentChildren;
}

export class Portal extends Component<Props> {
  override componentDidMount() {
    render(this.props.children, this.props.into);
  }

  override componentDidUpdate() {
    render(this.props.children, this.props.into);
  }

  override componentWillUnmount() {
    render(null, this.props.into);
  }

  override render() {
    return null;
  }
}

/**
 * An empty element under `parent`, before `before` (null: at the end), that
 * the island renders into; made once, found again if the island mounts again.
 */
export function mountPoint(parent: Element, before: Node | null, className: string): Element {
  const existing = parent.querySelector(`:scope > .${className}`);
  if (existing) return existing;
  const element = document.createElement('div');
  element.className = className;
  parent.insertBefore(element, before);
  return element;
}
