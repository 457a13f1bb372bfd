// Vite bundles imported .css files (CSP allows only 'self' styles, so component CSS ships as files).
declare module '*.css'
