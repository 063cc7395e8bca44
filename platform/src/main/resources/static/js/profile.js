// "Мои данные": progressive enhancement; the page works without it (both document groups shown,
// the citizen reloads to see a check's outcome).
(function () {
  'use strict';

  var form = document.getElementById('profile-form');
  var announcer = document.getElementById('check-announcer');

  // Focus: the warning before a verified document is checked again, an error summary (its links
  // lead to the fields), else the "saved" notice.
  var summary = document.getElementById('error-summary');
  var recheck = document.getElementById('recheck-warning');
  if (recheck) {
    recheck.focus();
  } else if (summary) {
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
  } else {
    var saved = document.getElementById('saved-notice');
    if (saved) { saved.focus(); }
  }

  // Only the document group of the chosen citizenship; the other one is neither shown nor sent.
  function showCitizenship() {
    var chosen = document.querySelector('input[name="citizenship"]:checked');
    var value = chosen ? chosen.value : 'RU';
    document.querySelectorAll('[data-citizenship]').forEach(function (group) {
      var visible = group.getAttribute('data-citizenship') === value;
      group.hidden = !visible;
      group.disabled = !visible;
    });
  }
  document.querySelectorAll('input[name="citizenship"]').forEach(function (radio) {
    radio.addEventListener('change', showCitizenship);
  });
  showCitizenship();

  // Whatever the citizen types is theirs: a finished check never reloads it away.
  var edited = !!summary || !!recheck; // such a form holds what was typed, not what is stored
  [form, document.getElementById('address-form')].forEach(function (f) {
    if (!f) { return; }
    f.addEventListener('input', function () { edited = true; });
    f.addEventListener('change', function () { edited = true; });
  });

  function state(document_) {
    var badge = document.getElementById(document_ + '-status');
    return badge ? badge.getAttribute('data-state') : null;
  }
  function title(document_) {
    var heading = document.querySelector('#' + document_ + '-group legend');
    return heading ? heading.textContent.trim() : document_;
  }
  function sentence(text) {
    text = (text || '').replace(/\s+/g, ' ').trim();
    return !text || /[.!?…]$/.test(text) ? text : text + '.';
  }
  // "Паспорт гражданина РФ: Не прошёл проверку. Документ не найден в ведомстве. …"
  function outcome(document_) {
    var badge = document.getElementById(document_ + '-status');
    if (!badge) { return ''; }
    var reason = badge.querySelector('.check-reason');
    return sentence(title(document_) + ': ' + badge.querySelector('.check-state').textContent)
        + (reason ? ' ' + sentence(reason.textContent) : '');
  }
  function announce(text, link) {
    if (!announcer) { return; }
    announcer.textContent = text;
    if (link) {
      announcer.appendChild(document.createTextNode(' '));
      var a = document.createElement('a');
      a.href = window.location.pathname;
      a.textContent = link;
      announcer.appendChild(a);
    }
  }

  // The checks the page shows: the two documents, and the registration address at the ministry.
  var CHECKS = ['snils', 'passport', 'registration'];

  // After a reload for a finished check (?checked=snils,registration): say which ones and how. The
  // live region is empty at load and filled a moment later, so that screen readers read it out.
  var checked = new URLSearchParams(window.location.search).get('checked');
  if (checked !== null && announcer) {
    var parts = checked.split(',').filter(function (d) { return CHECKS.indexOf(d) >= 0; });
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
    if (parts.length) {
      setTimeout(function () {
        announce([announcer.getAttribute('data-finished')].concat(parts.map(outcome)).join(' '));
      }, 300);
    }
  }

  // While a check runs, ask the API now and then (less often as time goes by) and reload once a
  // state has changed, unless the citizen is typing: then only say so.
  var main = document.getElementById('main');
  if (main && main.getAttribute('data-checking') === 'true' && window.fetch) {
    var before = {};
    CHECKS.forEach(function (d) { before[d] = state(d); });
    var checks = function (api) {
      return fetch(main.getAttribute(api), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) { return body && body.checks ? body.checks : {}; });
    };
    var delay = 1500;
    var poll = function () {
      // the address API only while the address is being checked
      Promise.all([
        checks('data-profile-api'),
        before.registration === 'pending' ? checks('data-address-api') : Promise.resolve({})
      ])
        .then(function (answers) {
          var now = { snils: answers[0].snils, passport: answers[0].passport, registration: answers[1].registration };
          var changed = CHECKS.filter(function (d) {
            return now[d] && now[d].state !== before[d];
          });
          if (!changed.length) {
            delay = Math.min(Math.round(delay * 1.5), 30000);
            setTimeout(poll, delay);
          } else if (edited) {
            announce(announcer.getAttribute('data-edited'), announcer.getAttribute('data-show'));
          } else {
            window.location.replace(window.location.pathname + '?checked=' + changed.join(',')
              + (changed.indexOf('registration') >= 0 ? '#addresses' : ''));
          }
        })
        .catch(function () { setTimeout(poll, 10000); });
    };
    setTimeout(poll, delay);
  }
})();
