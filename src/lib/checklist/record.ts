/**
 * The incident record for support: a plain-text (Markdown) account of the
 * checklist that reads well pasted into a ticket or saved as a .md file.
 * It holds what the tracker knows and nothing else; the tracker never asks
 * for a password, so none can be in it.
 */
import { SYMPTOMS } from '../compromise/items';
import { progressOf, stepViews, type StepView } from './progress';
import type { ChecklistState } from './state';
import { ROLE_LABELS, SCAN_STEP, trackedStep } from './steps';

export interface RecordContext {
  title: string;
  /** The article's address, without query or fragment. */
  url: string;
  /** When the record is made, in ms since 1970. */
  now: number;
  /** Minutes east of UTC at a given time (the reader's zone; DST changes it). */
  utcOffset: (time: number) => number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-11-30 08:05 (UTC+01:00)`: the reader's local time, with its offset so support can compare. */
export function formatLocalTime(time: number, offsetMinutes: number): string {
  const local = new Date(time + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} (UTC${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)})`
  );
}

/**
 * Typed text (a note, a device name) on one line, as a Markdown code span:
 * where the record is rendered, nothing in it becomes markup or a live link
 * (ticket systems autolink URLs, addresses and `www.`), and as plain text it
 * reads as typed, without escapes. Per CommonMark, the fence is one backtick
 * longer than the longest run of backticks inside, and a space pads text that
 * starts or ends with one.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const longestRun = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const STATUS_TEXT: Record<StepView['status'], string> = {
  done: 'Done',
  open: 'Open',
  locked: 'Open (cannot start yet)',
  'not-applicable': 'Not applicable',
};

const ANSWER_TEXT = { yes: 'Yes', no: 'No', null: 'Not answered' } as const;

export function incidentRecord(state: ChecklistState, context: RecordContext): string {
  const at = (time: number) => formatLocalTime(time, context.utcOffset(time));
  const views = stepViews(state);
  const progress = progressOf(views);
  const noticed = SYMPTOMS.filter((symptom) => state.symptoms.includes(symptom.id));
  const steps =
    progress.done === progress.total
      ? `all ${progress.total} steps done`
      : `${progress.done} of ${progress.total} steps done`;
  const open =
    progress.openSubtasks === 0
      ? ''
      : `, ${progress.openSubtasks} sub-task${progress.openSubtasks === 1 ? '' : 's'} open`;

  const lines = [
    `# Incident record: ${context.title}`,
    '',
    `- Article: ${context.title}`,
    `- Address: ${context.url}`,
    `- Role: ${ROLE_LABELS[state.role]}`,
    `- Progress: ${steps}${open}`,
    `- Record made: ${at(context.now)}`,
    '',
    '## Signs noticed',
    '',
    ...(noticed.length > 0 ? noticed.map((symptom) => `- ${symptom.label}`) : ['- None recorded']),
    '',
    '## Answers',
    '',
    `- Did Rackspace disable the mailbox? ${ANSWER_TEXT[state.mailboxDisabled ?? 'null']}`,
    `- Did a scan find malware? ${ANSWER_TEXT[state.malwareFound ?? 'null']}`,
    '',
    '## Steps',
    '',
  ];
  for (const view of views) {
    const when = view.doneAt === null ? '' : `, ${at(view.doneAt)}`;
    lines.push(`- ${view.label}: ${trackedStep(view.id).title}: ${STATUS_TEXT[view.status]}${when}`);
    for (const sub of view.subtasks) {
      lines.push(`  - Sub-task: ${sub.title}: ${sub.doneAt === null ? 'Open' : `Done, ${at(sub.doneAt)}`}`);
    }
    if (view.reopenedBecause !== null)
      lines.push(`  - Reopened: "${trackedStep(view.reopenedBecause).title}" was marked not done after this step`);
    if (view.id === SCAN_STEP) {
      for (const device of state.devices) {
        lines.push(
          `  - Device ${codeSpan(device.name)}: ${device.scannedAt === null ? 'not scanned yet' : `scanned, ${at(device.scannedAt)}`}`,
        );
      }
    }
    const note = state.notes[view.id];
    if (note !== undefined) lines.push(`  - Note: ${codeSpan(note)}`);
  }
  lines.push('', 'This record was made by the recovery checklist on the article page. It contains no password.', '');
  return lines.join('\n');
}

/** `mailbox-incident-record-2026-11-30-0805.md`, in the reader's local time. */
export function recordFileName(now: number, offsetMinutes: number): string {
  const stamp = formatLocalTime(now, offsetMinutes).slice(0, 16).replace(' ', '-').replace(':', '');
  return `mailbox-incident-record-${stamp}.md`;
}
