/**
 * The optional mailbox details the estimator weighs (a password built from the address or the owner's name is
 * weak), folded so that the open meter fits one phone screen. Never sent; autocomplete off, so the browser keeps
 * none of it on disk.
 */
import type { PasswordContext } from '../../lib/password/context';

export function ContextFields({
  id,
  context,
  onChange,
}: {
  id: string;
  context: PasswordContext;
  onChange: (change: Partial<PasswordContext>) => void;
}) {
  return (
    <details class="password-meter__more">
      <summary>About this mailbox (optional, never sent)</summary>
      <fieldset class="password-meter__context">
        <legend class="visually-hidden">About this mailbox</legend>
        <div class="password-meter__field">
          <label for={`${id}-email`}>Mailbox address</label>
          <input
            id={`${id}-email`}
            type="email"
            data-context="email"
            autocomplete="off"
            spellcheck={false}
            value={context.email}
            onInput={(event) => onChange({ email: event.currentTarget.value })}
          />
        </div>
        <div class="password-meter__field">
          <label for={`${id}-name`}>Your name</label>
          <input
            id={`${id}-name`}
            type="text"
            data-context="name"
            autocomplete="off"
            value={context.name}
            onInput={(event) => onChange({ name: event.currentTarget.value })}
          />
        </div>
        <div class="password-meter__check">
          <input
            id={`${id}-mfa`}
            type="checkbox"
            data-context="mfa"
            checked={context.mfa}
            onChange={(event) => onChange({ mfa: event.currentTarget.checked })}
          />
          <label for={`${id}-mfa`}>This mailbox uses multi-factor sign-in</label>
        </div>
      </fieldset>
    </details>
  );
}
