// Progressive enhancement of the registration and sign-in pages: every page works without it.
(function () {
  'use strict';

  // Show only the chosen contact field.
  var radios = document.querySelectorAll('input[name="channel"]');
  function showChannel() {
    var chosen = document.querySelector('input[name="channel"]:checked');
    document.querySelectorAll('[data-channel]').forEach(function (field) {
      var visible = !chosen || field.getAttribute('data-channel') === chosen.value;
      field.hidden = !visible;
      field.querySelectorAll('input').forEach(function (input) { input.disabled = !visible; });
    });
  }
  radios.forEach(function (radio) { radio.addEventListener('change', showChannel); });
  if (radios.length) { showChannel(); }

  // Countdowns: the code's validity, the wait before a resend, a sign-in block.
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  document.querySelectorAll('.timer[data-deadline]').forEach(function (timer) {
    var deadline = Date.parse(timer.getAttribute('data-deadline'));
    if (isNaN(deadline)) { timer.hidden = true; return; }
    var resend = timer.id === 'resend-timer' ? document.getElementById('resend') : null;
    var out = timer.querySelector('.countdown');
    function tick() {
      var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      out.textContent = Math.floor(left / 60) + ':' + pad(left % 60);
      if (resend) { resend.disabled = left > 0; }
      if (left > 0) { setTimeout(tick, 1000); return; }
      if (timer.getAttribute('data-expired-text')) {
        timer.textContent = timer.getAttribute('data-expired-text');
      } else {
        timer.hidden = true;
      }
    }
    tick();
  });

  // Password: show/hide, and a live strength indicator from the server's own policy.
  var show = document.getElementById('show-password');
  if (show) {
    show.addEventListener('change', function () {
      ['password', 'passwordRepeat'].forEach(function (id) {
        document.getElementById(id).type = show.checked ? 'text' : 'password';
      });
    });
  }
  var form = document.getElementById('password-form');
  var password = document.getElementById('password');
  if (form && password) {
    var meter = document.getElementById('strength-meter');
    var label = document.getElementById('strength-label');
    var problem = document.getElementById('strength-problem');
    var timer = null;
    var sequence = 0;
    function csrf() {
      var match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
      return match ? decodeURIComponent(match[1]) : '';
    }
    function assess() {
      var mine = ++sequence;
      fetch(form.getAttribute('data-strength-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf() },
        body: JSON.stringify({ password: password.value })
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
        if (!result || mine !== sequence) { return; }
        meter.value = result.score;
        label.textContent = label.getAttribute('data-' + result.score);
        problem.textContent = password.value && result.problems.length ? result.problems[0].message : '';
      }).catch(function () { /* the indicator is a help, not a gate */ });
    }
    password.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(assess, 250);
    });
  }
})();
