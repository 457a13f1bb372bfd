import type { ButtonHTMLAttributes, ReactNode } from 'react'
import './components.css'

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger'

/** The app's button. `busy` disables it and says so to assistive tech. */
export function Button({
  variant = 'secondary',
  size = 'md',
  busy = false,
  icon,
  children,
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm' | 'md'; busy?: boolean; icon?: ReactNode }) {
  return (
    <button
      type={type}
      className={['ct-btn', `ct-btn--${variant}`, size === 'sm' ? 'ct-btn--sm' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-busy={busy || undefined}
      disabled={busy || rest.disabled}
      {...rest}
    >
      {busy ? <span className="ct-spinner" aria-hidden="true" /> : icon}
      <span>{children}</span>
    </button>
  )
}
