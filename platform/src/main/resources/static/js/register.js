// Progressive enhancement of the registration and sign-in pages: every page works without it.
(function () {
  'use strict';

  // An error summary takes the focus, so that it is read first; its links lead to the fields.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
    summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var input = document.getElementById(link.getAttribute('href').substring(1));
        if (!input) { return; }
        event.preventDefault();
        var field = input.closest('.field') || input;
        field.scrollIntoView({ block: 'start' });
        input.focus({ preventScroll: true });
      });
    });
  }

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

  // Countdowns: the code's validity, the wait before a resend, a sign-in block. They count from
  // the server's clock when the page says what time it was there (data-now), not the device's.
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  document.querySelectorAll('.timer[data-deadline]').forEach(function (timer) {
    var deadline = Date.parse(timer.getAttribute('data-deadline'));
    if (isNaN(deadline)) { return; }
    var serverNow = Date.parse(timer.getAttribute('data-now') || '');
    var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();
    var resend = timer.id === 'resend-timer' ? document.getElementById('resend') : null;
    var out = timer.querySelector('.countdown');
    function tick() {
      var left = Math.max(0, Math.ceil((deadline - Date.now() - skew) / 1000));
      out.textContent = Math.floor(left / 60) + ':' + pad(left % 60);
      if (resend) { resend.disabled = left > 0; }
      if (left > 0) {
        timer.hidden = false;
        setTimeout(tick, 1000);
        return;
      }
      var expired = timer.getAttribute('data-expired-text');
      if (expired) {
        // a new alert is announced once; the ticking itself is not read out every second
        var alert = document.createElement('p');
        alert.className = 'timer expired error';
        alert.id = timer.id;
        alert.setAttribute('role', 'alert');
        alert.textContent = expired;
        timer.replaceWith(alert);
      } else {
        timer.hidden = true;
      }
    }
    tick();
  });

  // Password: show/hide, and a live strength indicator from the server's own policy.
  var show = document.getElementById('show-password');
  if (show) {
    document.getElementById('show-password-choice').hidden = false;
    show.addEventListener('change', function () {
      ['password', 'passwordRepeat'].forEach(function (id) {
        document.getElementById(id).type = show.checked ? 'text' : 'password';
      });
    });
  }
  var form = document.getElementById('password-form');
  var password = document.getElementById('password');
  if (form && password && window.fetch) {
    var strength = document.getElementById('strength');
    var meter = document.getElementById('strength-meter');
    var label = document.getElementById('strength-label');
    var problem = document.getElementById('strength-problem');
    var timer = null;
    var sequence = 0;
    // the session's token, which the form carries for its own submission
    var csrf = form.querySelector('input[name="_csrf"]');
    // A password that breaks a rule is never shown as strong: the meter and its label follow
    // "acceptable", the score only grades the passwords that are.
    function display(score, advice, acceptable) {
      strength.hidden = false;
      meter.value = acceptable ? score : Math.min(score, 1);
      label.textContent = advice === null ? '' : label.getAttribute(acceptable ? 'data-' + score : 'data-refused');
      problem.textContent = advice || '';
    }
    function assess() {
      var mine = ++sequence;
      if (!password.value) { display(0, null, false); return; }
      fetch(form.getAttribute('data-strength-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          // the advice in the page's language, not in whatever the browser prefers
          'Accept-Language': document.documentElement.lang || 'ru',
          'X-CSRF-TOKEN': csrf ? csrf.value : ''
        },
        body: JSON.stringify({ password: password.value })
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (result) {
        if (!result || mine !== sequence) { return; }
        display(result.score, result.problems.length ? result.problems[0].message : '', result.acceptable);
      }).catch(function () { /* the indicator is a help, not a gate */ });
    }
    password.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(assess, 250);
    });
  }
})();
