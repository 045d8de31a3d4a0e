/* global window, document, navigator, fetch, setTimeout */
// The tab page (plain script for now; the React/Fluent tab with SSO replaces it in a later issue).
// Works inside Teams/Outlook and in a plain browser: teams-js gets a short timeout, never a hang.
(function () {
  'use strict';
  var TEXT = {
    sv: {
      deadlines: 'Kommande datum',
      none: 'Inga fler datum i årets omgång.',
      phase: 'Just nu',
      until: 'till',
      mailbox: 'Funktionsbrevlåda',
      error: 'Kunde inte hämta läget. Försök igen om en stund.',
    },
    en: {
      deadlines: 'Coming dates',
      none: 'No more dates in this cycle.',
      phase: 'Now',
      until: 'until',
      mailbox: 'Shared mailbox',
      error: 'Could not load the status. Please try again shortly.',
    },
  };

  function pickLocale(tag) {
    return /^en(-|_|$)/i.test(tag || '') ? 'en' : 'sv';
  }

  function queryLocale() {
    var match = /[?&]locale=([^&]+)/.exec(window.location.search);
    return match ? decodeURIComponent(match[1]) : undefined;
  }

  // Inside Teams/Outlook the host answers at once; in a plain browser window there is no parent,
  // and in a foreign iframe app.initialize() would wait ~60 s, so give it a short deadline.
  function teamsLocale(timeoutMs) {
    var teams = window.microsoftTeams;
    if (!teams || window.parent === window) return Promise.resolve(undefined);
    var timeout = new Promise(function (resolve) {
      setTimeout(function () {
        resolve(undefined);
      }, timeoutMs);
    });
    var init = teams.app
      .initialize()
      .then(function () {
        return teams.app.getContext();
      })
      .then(function (ctx) {
        return ctx && ctx.app && ctx.app.locale;
      })
      .catch(function () {
        return undefined;
      });
    return Promise.race([init, timeout]);
  }

  function render(status, locale) {
    var t = TEXT[locale];
    document.documentElement.lang = locale === 'en' ? 'en' : 'sv';
    document.getElementById('title').textContent = 'Kvalitetsutmärkelsen ' + status.year;
    document.getElementById('deadlines-title').textContent = t.deadlines;
    var phase = t.phase + ': ' + status.phase.label[locale];
    document.getElementById('phase').textContent = phase;
    var list = document.getElementById('deadlines');
    list.textContent = '';
    if (status.deadlines.length === 0) {
      var empty = document.createElement('li');
      empty.textContent = t.none;
      list.appendChild(empty);
    }
    status.deadlines.forEach(function (d) {
      var item = document.createElement('li');
      item.setAttribute('data-kind', d.kind);
      var label = document.createElement('span');
      label.className = 'label';
      label.textContent = d.label[locale];
      var when = document.createElement('span');
      when.className = 'when';
      when.textContent = d.when[locale];
      item.appendChild(label);
      item.appendChild(when);
      list.appendChild(item);
    });
    document.getElementById('mailbox').textContent = t.mailbox + ': ' + status.mailbox;
  }

  function showError(locale) {
    var el = document.getElementById('error');
    el.textContent = TEXT[locale].error;
    el.hidden = false;
    document.getElementById('phase').textContent = '';
  }

  var initial = pickLocale(queryLocale() || navigator.language);
  var statusPromise = fetch('../api/tab/status', { headers: { accept: 'application/json' } }).then(
    function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    },
  );
  teamsLocale(1500).then(function (teamsTag) {
    var locale = teamsTag ? pickLocale(teamsTag) : initial;
    statusPromise.then(
      function (status) {
        render(status, locale);
      },
      function () {
        showError(locale);
      },
    );
  });
})();
