/**
 * Asks before a link's symptom-checker answers replace saved progress
 * (src/lib/checklist/handoff.ts decides when): what is saved, what the link
 * would change, and two buttons. Focus moves here when it shows, so the
 * question is read out before anything changes.
 */
import type { HandoffQuestion } from '../../lib/checklist/handoff';

interface Props {
  question: HandoffQuestion;
  onAnswer: (useLink: boolean) => void;
}

export default function HandoffConflict({ question, onAnswer }: Props) {
  return (
    <div
      class="checklist__handoff"
      role="group"
      aria-labelledby="checklist-handoff-question"
      tabIndex={-1}
      data-handoff-conflict
    >
      <p id="checklist-handoff-question">
        <strong>Use the answers in this link?</strong> Your saved progress: {question.saved}.
      </p>
      <p>The link&rsquo;s answers would change this:</p>
      <ul>
        {question.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <button type="button" onClick={() => onAnswer(true)}>
        Use the link&rsquo;s answers
      </button>{' '}
      <button type="button" onClick={() => onAnswer(false)}>
        Keep my saved progress
      </button>
    </div>
  );
}
