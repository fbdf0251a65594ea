// Groove widget loader: <script src=".../embed.js" defer></script> then <groove-diagnostic>.
// Loads nothing of the app until the element nears the viewport, then shows Groove in a
// frame (styles isolated both ways) that grows with its content, with no inner scrollbar.
// With mode="popup" it shows a button instead and makes the frame on the first press, in a
// modal <dialog> (full screen on phones) in the shadow root. No cookies, no inline styles
// or scripts (CSSOM and a constructed style sheet only), so a strict host CSP needs just
// this origin in script-src and frame-src.
(function () {
  var script = document.currentScript;
  if (!script || !window.customElements || customElements.get('groove-diagnostic')) return;
  var base = new URL('./', script.src);
  var appOrigin = base.origin;
  var attributes = [['accent', 'accent'], ['theme', 'theme'], ['cta-text', 'cta_text'], ['cta-url', 'cta_url'], ['namespace', 'ns'], ['ref', 'ref']];
  var events = ['groove:started', 'groove:section', 'groove:finished'];
  // The popup's look, adopted by its shadow root: the host page's CSS cannot reach it.
  var popupCss = 'button{font:600 1rem/1.25 system-ui,sans-serif;min-height:44px;padding:.6rem 1.2rem;border:2px solid var(--a);border-radius:8px;background:var(--a);color:#fff;cursor:pointer;margin:0}' +
    'button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}' +
    'dialog{box-sizing:border-box;width:min(960px,calc(100vw - 2rem));height:calc(100dvh - 2rem);max-width:none;max-height:none;padding:0;border:0;border-radius:12px;color-scheme:light dark;background:light-dark(#fff,#121715);color:light-dark(#1a1a1a,#e8eeeb);overflow:hidden}' +
    'dialog[open]{display:flex;flex-direction:column}dialog::backdrop{background:rgba(0,0,0,.6)}' +
    '.bar{display:flex;justify-content:flex-end;padding:.25rem;border-bottom:1px solid light-dark(#ccc,#3a4743)}' +
    '.bar button{background:inherit;color:inherit;border-color:light-dark(#767676,#8a9994);padding:.4rem 1rem;outline-color:currentColor}' +
    'iframe{flex:1;width:100%;min-height:0;border:0;display:block}' +
    '@media (max-width:640px){dialog{width:100%;height:100%;margin:0;border-radius:0}}';

  function set(el, name, value) { el.style.setProperty(name, value, 'important'); }
  function make(tag, parent) { return parent.appendChild(document.createElement(tag)); }

  class GrooveDiagnostic extends HTMLElement {
    connectedCallback() {
      if (this._root) return;
      this._root = this.attachShadow({ mode: 'open' });
      set(this, 'display', 'block');
      if (this.getAttribute('mode') === 'popup') return this._popup();
      var reserve = Math.max(200, parseInt(this.getAttribute('height'), 10) || 720) + 'px';
      set(this, 'min-height', reserve);
      var self = this;
      var near = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          near.disconnect();
          var frame = self._frame(false);
          frame.setAttribute('scrolling', 'no');
          set(frame, 'overflow', 'hidden');
          set(frame, 'height', reserve);
          self._root.appendChild(frame);
        }
      }, { rootMargin: '600px 0px' });
      near.observe(this);
    }

    // A button now (its box is there at once: no layout shift), the dialog and its frame
    // on the first press. Escape (the dialog's own, or relayed by the frame) and the close
    // button close it; focus returns to the button.
    _popup() {
      var root = this._root, self = this, frame;
      // Constructed style sheets need Safari 16.4+; without them the dialog still works, unstyled.
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(popupCss);
        root.adoptedStyleSheets = [sheet];
      } catch (e) { /* unstyled */ }
      var accent = this.getAttribute('accent') || '';
      set(this, '--a', /^#([0-9a-f]{3}){1,2}$/i.test(accent) ? accent : '#8b3a2b');
      var open = make('button', root);
      open.type = 'button';
      open.textContent = (this.getAttribute('button-text') || '').trim().slice(0, 80) || 'Take the slump check';
      var dialog = make('dialog', root);
      dialog.setAttribute('aria-label', this._title());
      // Dark or light as the widget's theme says; without one, as the system says.
      var theme = this.getAttribute('theme');
      if (theme === 'dark' || theme === 'light') set(dialog, 'color-scheme', theme);
      var close = make('button', make('div', dialog));
      close.type = 'button';
      close.textContent = 'Close';
      close.parentNode.className = 'bar';
      open.addEventListener('click', function () {
        if (!frame) frame = dialog.appendChild(self._frame(true));
        dialog.showModal();
      });
      close.addEventListener('click', function () { dialog.close(); });
      dialog.addEventListener('close', function () { open.focus(); });
      this._close = function () { dialog.close(); };
    }

    _title() { return this.getAttribute('label') || 'Groove: sales slump diagnostic'; }

    _frame(popup) {
      var params = new URLSearchParams({ embed: '1', host: location.origin });
      for (var i = 0; i < attributes.length; i++) {
        var value = this.getAttribute(attributes[i][0]);
        if (value) params.set(attributes[i][1], value);
      }
      if (this.hasAttribute('compact')) params.set('compact', '1');
      if (this.hasAttribute('events')) params.set('events', '1');
      if (popup) params.set('mode', 'popup');
      var frame = document.createElement('iframe');
      frame.title = this._title();
      frame.src = new URL('index.html?' + params, base).href;
      set(frame, 'display', 'block');
      set(frame, 'width', '100%');
      set(frame, 'border', '0');
      var self = this;
      var tallest = parseInt(this.style.minHeight, 10);
      window.addEventListener('message', function (e) {
        var data = e.data;
        if (e.source !== frame.contentWindow || e.origin !== appOrigin || !data || typeof data.type !== 'string') return;
        if (data.type === 'groove:height' && !popup && isFinite(data.height) && data.height > 0) {
          // Grow to fit, never shrink below what was shown: the host page below the widget
          // then moves only when a taller screen first appears, not on every question.
          tallest = Math.max(tallest, Math.ceil(data.height));
          set(frame, 'height', tallest + 'px');
          set(self, 'min-height', tallest + 'px');
        } else if (data.type === 'groove:close' && popup) {
          self._close();
        } else if (events.indexOf(data.type) >= 0 && self.hasAttribute('events')) {
          self.dispatchEvent(new CustomEvent(data.type, { detail: data.detail, bubbles: true, composed: true }));
        }
      });
      return frame;
    }
  }
  customElements.define('groove-diagnostic', GrooveDiagnostic);
})();
