// "Мои данные": show the document group that fits the citizenship, and follow running checks.
(function () {
  'use strict';
  function showCitizenship() {
    var chosen = document.querySelector('input[name="citizenship"]:checked');
    var value = chosen ? chosen.value : 'RU';
    document.querySelectorAll('[data-citizenship]').forEach(function (group) {
      var visible = group.getAttribute('data-citizenship') === value;
      group.hidden = !visible;
      group.querySelectorAll('input').forEach(function (input) { input.disabled = !visible; });
    });
  }
  document.querySelectorAll('input[name="citizenship"]').forEach(function (radio) {
    radio.addEventListener('change', showCitizenship);
  });
  showCitizenship();

  // While a check runs, ask the API every few seconds and reload once a state has changed.
  var main = document.getElementById('main');
  if (main && main.getAttribute('data-checking') === 'true') {
    var before = {
      snils: (document.getElementById('snils-status') || {}).getAttribute && document.getElementById('snils-status').getAttribute('data-state'),
      passport: (document.getElementById('passport-status') || {}).getAttribute && document.getElementById('passport-status').getAttribute('data-state')
    };
    var poll = function () {
      fetch('/api/v1/profile', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (p && (p.checks.snils.state !== before.snils || p.checks.passport.state !== before.passport)) {
            window.location.replace(window.location.pathname);
          } else {
            setTimeout(poll, 3000);
          }
        })
        .catch(function () { setTimeout(poll, 10000); });
    };
    setTimeout(poll, 2000);
  }
})();
