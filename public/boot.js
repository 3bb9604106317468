// Registers the service worker that makes codefit work offline.
//
// A separate file (not an inline <script>) so the page's Content-Security-Policy can forbid
// inline scripts. `./sw.js` is relative to the page, so the same build works at the domain
// root and under any sub-path; the worker's scope is the directory of the page.
// `updateViaCache: 'none'` makes the browser ask the server for sw.js on every update check
// instead of trusting the HTTP cache, so a new deploy is noticed on the next navigation.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js', { scope: './', updateViaCache: 'none' })
      .catch((error) => {
        // Offline support is an extra: the page works without it. Warn, never throw.
        console.warn('codefit: service worker registration failed:', error);
      });
  });
}
