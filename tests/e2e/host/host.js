// The host page's own script: records CSP violations and the widgets' events.
window.__violations = [];
window.__events = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
['groove:started', 'groove:section', 'groove:finished'].forEach(function (type) {
  document.addEventListener(type, function (e) { window.__events.push({ id: e.target.id, type: type, detail: e.detail }); });
});
window.__shifts = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    if (!e.hadRecentInput) { window.__shifts += e.value; (window.__shiftLog = window.__shiftLog || []).push(Math.round(e.startTime) + ':' + e.value.toFixed(4)); }
  });
}).observe({ type: 'layout-shift', buffered: true });
