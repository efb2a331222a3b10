/* global window, document */
// Runs before the app bundle so the page never flashes the wrong theme. Mirrors
// src/features/theme/theme-preference.ts (same storage key, same resolution rule).
(function () {
  var saved = null;
  try {
    saved = window.localStorage.getItem('dash.theme');
  } catch {
    // Storage can be blocked (privacy mode); the system preference then applies.
  }
  var dark = saved === 'dark' || (saved !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
