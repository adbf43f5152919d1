/**
 * The new password, typed twice, and the control that shows both. A shown password is a text field, which a
 * browser would keep in its session files on disk unless autocomplete is off: off while the passwords show.
 */
import type { RefObject } from 'preact';

export function PasswordFields({
  id,
  password,
  confirm,
  visible,
  passwordField,
  confirmField,
  onFocus,
  onPassword,
  onConfirm,
  onToggle,
}: {
  id: string;
  password: string;
  confirm: string;
  visible: boolean;
  passwordField: RefObject<HTMLInputElement>;
  confirmField: RefObject<HTMLInputElement>;
  onFocus: () => void;
  onPassword: (password: string) => void;
  onConfirm: (confirm: string) => void;
  onToggle: () => void;
}) {
  const matches = confirm.length > 0 && confirm === password;
  const fieldType = visible ? 'text' : 'password';
  return (
    <>
      <div class="password-meter__field">
        <label for={`${id}-new`}>New password</label>
        <input
          ref={passwordField}
          id={`${id}-new`}
          type={fieldType}
          autocomplete={visible ? 'off' : 'new-password'}
          spellcheck={false}
          autocapitalize="off"
          aria-describedby={`${id}-privacy`}
          value={password}
          onFocus={onFocus}
          onInput={(event) => onPassword(event.currentTarget.value)}
        />
      </div>
      <div class="password-meter__field">
        <label for={`${id}-confirm`}>New password again</label>
        <input
          ref={confirmField}
          id={`${id}-confirm`}
          type={fieldType}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="off"
          aria-describedby={`${id}-match`}
          value={confirm}
          onInput={(event) => onConfirm(event.currentTarget.value)}
        />
        <p class="password-meter__match" id={`${id}-match`} data-match={confirm ? String(matches) : 'empty'}>
          {!confirm
            ? 'Type it again to check for typing mistakes.'
            : matches
              ? '\u2713 The two entries match.'
              : '\u2715 The two entries do not match yet.'}
        </p>
      </div>
      <button type="button" class="password-meter__toggle" aria-pressed={visible} onClick={onToggle}>
        Show passwords
      </button>
    </>
  );
}
