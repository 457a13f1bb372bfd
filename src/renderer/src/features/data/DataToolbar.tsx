import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../../shared/api/contract'

/** Network selector + debounced filter box shared by the Addresses and Transactions tabs. */
export function DataToolbar(props: { networks: MethodOutput<'explore.networks'>; network: string; onNetwork(n: string): void; onFilter(f: string): void; placeholder: string; children?: React.ReactNode }) {
  const [text, setText] = useState('')
  const { onFilter } = props
  useEffect(() => {
    const t = setTimeout(() => onFilter(text.trim()), 250)
    return () => clearTimeout(t)
  }, [text, onFilter])
  return (
    <div className="data-toolbar">
      <label>
        Network{' '}
        <select aria-label="Network" value={props.network} onChange={(e) => props.onNetwork(e.target.value)}>
          {props.networks.map((n) => (
            <option key={n.network} value={n.network}>
              {n.name} ({n.transactions.toLocaleString('en')} tx, {n.addresses.toLocaleString('en')} addresses)
            </option>
          ))}
        </select>
      </label>
      <input type="search" aria-label="Filter" placeholder={props.placeholder} value={text} onChange={(e) => setText(e.target.value)} />
      {props.children}
    </div>
  )
}
