// Vite bundles CSS imported for its side effect; this tells TypeScript such imports exist (no exports are used).
declare module '*.css'
