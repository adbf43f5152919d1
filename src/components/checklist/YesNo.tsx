/** A yes/no question of the checklist, as a radio group with a stable `data-question` hook. */
import type { Answer } from '../../lib/checklist/state';

interface Props {
  name: 'mailbox-disabled' | 'malware-found';
  legend: string;
  value: Answer;
  onChange: (answer: Answer) => void;
}

export function YesNo({ name, legend, value, onChange }: Props) {
  return (
    <fieldset class="checklist__question" data-question={name}>
      <legend>{legend}</legend>
      {(['yes', 'no'] as const).map((answer) => (
        <span class="checklist__choice" key={answer}>
          <input
            type="radio"
            id={`checklist-${name}-${answer}`}
            name={`checklist-${name}`}
            value={answer}
            checked={value === answer}
            onChange={() => onChange(answer)}
          />
          <label for={`checklist-${name}-${answer}`}>{answer === 'yes' ? 'Yes' : 'No'}</label>
        </span>
      ))}
    </fieldset>
  );
}
