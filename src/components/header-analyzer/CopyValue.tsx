/** The kit's copy control for one value of the results: shown beside it, spoken through the page's announcer. */
import { CopyButton } from '../kit/CopyButton';

export function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton
      class="header-analyzer__copy"
      label={`Copy ${label.toLowerCase()}`}
      text={() => value}
      copied={`${label} copied`}
      onFailure={() => 'Could not copy. Select the text and copy it instead.'}
    />
  );
}
