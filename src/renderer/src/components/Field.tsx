import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react'
import './components.css'

interface FieldProps {
  label: string
  error?: string
  hint?: ReactNode
  required?: boolean
}

/** A labelled text input with its validation message tied to it (aria-describedby / aria-invalid). */
export function TextField({ label, error, hint, required, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  const msgId = `${id}-msg`
  return (
    <div className={`ct-field${error ? ' ct-field--error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="ct-field__req" aria-hidden="true"> *</span> : null}
      </label>
      <input id={id} aria-invalid={!!error || undefined} aria-describedby={error || hint ? msgId : undefined} aria-required={required || undefined} {...input} />
      {error ? (
        <p id={msgId} className="ct-field__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={msgId} className="ct-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A labelled multi-line input. */
export function TextAreaField({ label, error, hint, required, className, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  const msgId = `${id}-msg`
  return (
    <div className={`ct-field${error ? ' ct-field--error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="ct-field__req" aria-hidden="true"> *</span> : null}
      </label>
      <textarea id={id} aria-invalid={!!error || undefined} aria-describedby={error || hint ? msgId : undefined} {...input} />
      {error ? (
        <p id={msgId} className="ct-field__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={msgId} className="ct-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
