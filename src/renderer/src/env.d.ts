// Vite handles CSS imports (bundled into a stylesheet the CSP allows as 'self').
declare module '*.css'
