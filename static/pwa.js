// Groove's service-worker effect: registers sw.js and tells the app when a new version is
// waiting ('groove:update-ready'). The app alone decides when to apply it (never in the
// middle of an assessment) by dispatching 'groove:apply-update'; only then does the page reload.
(function () {
  if (!('serviceWorker' in navigator) || new URLSearchParams(location.search).has('embed')) return;
  var waiting = null;
  function announce(worker) {
    waiting = worker;
    window.__grooveUpdateReady = true;
    window.dispatchEvent(new Event('groove:update-ready'));
  }
  navigator.serviceWorker.register('./sw.js').then(function (reg) {
    if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
    reg.addEventListener('updatefound', function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') reg.update().catch(function () {});
    });
  }).catch(function () {});
  window.addEventListener('groove:apply-update', function () {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); }, { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
})();
