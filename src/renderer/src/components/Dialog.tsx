import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'
import './components.css'

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it without any script in
 * the page's HTML (CSP). Give it a form body; `onSubmit` runs on Enter or the primary button.
 */
export function Dialog({
  title,
  description,
  children,
  footer,
  onClose,
  onSubmit,
  wide = false
}: {
  title: string
  description?: ReactNode
  children: ReactNode
  footer: ReactNode
  onClose(): void
  onSubmit(e: FormEvent<HTMLFormElement>): void
  wide?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descId = useId()
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    return () => d?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={`ct-dialog${wide ? ' ct-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit(e)
        }}
      >
        <header className="ct-dialog__header">
          <h2 id={titleId}>{title}</h2>
          {description ? (
            <p id={descId} className="ct-dialog__desc">
              {description}
            </p>
          ) : null}
        </header>
        <div className="ct-dialog__body">{children}</div>
        <footer className="ct-dialog__footer">{footer}</footer>
      </form>
    </dialog>
  )
}
