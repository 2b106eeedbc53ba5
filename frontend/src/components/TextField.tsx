import type { ComponentProps, ReactNode } from 'react';

type TextFieldProps = { label: ReactNode; hint?: ReactNode; inline?: boolean } & ComponentProps<'input'>;

/** A labelled input (the label wraps it, so no id is needed); every other prop goes to the input. */
export function TextField({ label, hint, inline, ...input }: TextFieldProps) {
  return (
    <label className={inline ? 'field field--inline' : 'field'}>
      <span className="field__label">{label}</span>
      <input {...input} />
      {hint ? <span className="field__hint">{hint}</span> : null}
    </label>
  );
}
