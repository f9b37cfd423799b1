// The person's own display settings, as the browser knows them: asking for more contrast
// (prefers-contrast: more, or a forced-colours mode that cannot reach into a canvas) switches
// the app to its high-contrast theme. Nothing on the canvas moves by itself (no animation,
// scrolling is immediate), so prefers-reduced-motion needs nothing more.
'use strict';

(() => {
  function attach(module) {
    const query = matchMedia('(prefers-contrast: more), (forced-colors: active)');
    const tell = () => module._signaal_prefer_contrast(query.matches ? 1 : 0);
    tell();
    query.addEventListener('change', tell);
  }

  window.signaalPreferences = { attach };
})();
