/**
 * Where the tracker renders into the article's markup: under each step's
 * heading, at the end of the scan step's text, and after the steps. The
 * places are empty elements made once, when the tracker mounts.
 */
import { STEPS, type StepId } from '../../lib/compromise/items';
import { SCAN_STEP } from '../../lib/checklist/steps';
import { mountPoint } from '../kit/Portal';

/** The element around the article's steps (ChecklistBlock.astro). */
const BLOCK_SELECTOR = '.checklist-block';

/** Where the tracker renders into the article. */
export interface Mounts {
  block: Element;
  /** Under each step's heading. */
  steps: Partial<Record<StepId, Element>>;
  /** At the end of the scan step's text. */
  scan: Element | null;
  /** After the steps. */
  end: Element;
}

export function findMounts(): Mounts | null {
  const block = document.querySelector(BLOCK_SELECTOR);
  if (block === null) return null;
  const steps: Mounts['steps'] = {};
  let scan: Element | null = null;
  for (const { id } of STEPS) {
    const step = block.querySelector(`li.step[id="${id}"]`);
    const heading = step?.querySelector(':scope > .heading-row');
    if (!step || !heading) continue;
    steps[id] = mountPoint(step, heading.nextSibling, 'checklist__mount');
    const body = step.querySelector(':scope > .step__body');
    if (id === SCAN_STEP && body) scan = mountPoint(body, null, 'checklist__mount');
  }
  return { block, steps, scan, end: mountPoint(block, null, 'checklist__end') };
}
