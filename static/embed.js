// Groove widget loader: <script src=".../embed.js" defer></script> then <groove-diagnostic>.
// Loads nothing of the app until the element nears the viewport, then shows Groove in a
// frame (styles isolated both ways) that grows with its content, with no inner scrollbar. No cookies, no
// inline styles or scripts (CSSOM only), so a strict host CSP needs just this origin in
// script-src and frame-src.
(function () {
  var script = document.currentScript;
  if (!script || !window.customElements || customElements.get('groove-diagnostic')) return;
  var base = new URL('./', script.src);
  var appOrigin = base.origin;
  var attributes = [['accent', 'accent'], ['theme', 'theme'], ['cta-text', 'cta_text'], ['cta-url', 'cta_url'], ['namespace', 'ns']];
  var events = ['groove:started', 'groove:section', 'groove:finished'];

  function set(el, name, value) { el.style.setProperty(name, value, 'important'); }

  class GrooveDiagnostic extends HTMLElement {
    connectedCallback() {
      if (this._root) return;
      var reserve = Math.max(200, parseInt(this.getAttribute('height'), 10) || 720) + 'px';
      set(this, 'display', 'block');
      set(this, 'min-height', reserve);
      this._root = this.attachShadow({ mode: 'open' });
      var self = this;
      var near = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { near.disconnect(); self._load(reserve); }
      }, { rootMargin: '600px 0px' });
      near.observe(this);
    }

    _load(reserve) {
      var params = new URLSearchParams({ embed: '1', host: location.origin });
      for (var i = 0; i < attributes.length; i++) {
        var value = this.getAttribute(attributes[i][0]);
        if (value) params.set(attributes[i][1], value);
      }
      if (this.hasAttribute('compact')) params.set('compact', '1');
      if (this.hasAttribute('events')) params.set('events', '1');
      var frame = document.createElement('iframe');
      frame.title = this.getAttribute('label') || 'Groove: sales slump diagnostic';
      frame.src = new URL('index.html?' + params, base).href;
      frame.setAttribute('scrolling', 'no');
      set(frame, 'display', 'block');
      set(frame, 'width', '100%');
      set(frame, 'border', '0');
      set(frame, 'overflow', 'hidden');
      set(frame, 'height', reserve);
      var self = this;
      var tallest = parseInt(reserve, 10);
      window.addEventListener('message', function (e) {
        var data = e.data;
        if (e.source !== frame.contentWindow || e.origin !== appOrigin || !data || typeof data.type !== 'string') return;
        if (data.type === 'groove:height' && isFinite(data.height) && data.height > 0) {
          // Grow to fit, never shrink below what was shown: the host page below the widget
          // then moves only when a taller screen first appears, not on every question.
          tallest = Math.max(tallest, Math.ceil(data.height));
          set(frame, 'height', tallest + 'px');
          set(self, 'min-height', tallest + 'px');
        } else if (events.indexOf(data.type) >= 0 && self.hasAttribute('events')) {
          self.dispatchEvent(new CustomEvent(data.type, { detail: data.detail, bubbles: true, composed: true }));
        }
      });
      this._root.appendChild(frame);
    }
  }
  customElements.define('groove-diagnostic', GrooveDiagnostic);
})();
