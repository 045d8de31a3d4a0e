/* global window, document, navigator, fetch, setTimeout */
// The Outlook add-in's mail-read pane (first version): the open mail's subject and sender beside the
// cycle's phase and next date. How the app understood the mail comes with the mailbox intake.
(function () {
  'use strict';
  var TEXT = {
    sv: {
      mail: 'Mejlet',
      now: 'Just nu',
      next: 'Nästa',
      none: 'Inga fler datum i årets omgång.',
      outside: 'Öppna fönstret från ett mejl i Outlook.',
      soon: 'Hur appen förstod mejlet visas här när brevlådeläsningen är på plats.',
    },
    en: {
      mail: 'The mail',
      now: 'Now',
      next: 'Next',
      none: 'No more dates in this cycle.',
      outside: 'Open this pane from a mail in Outlook.',
      soon: 'How the app understood the mail will show here once mailbox intake is in place.',
    },
  };
  function pick(tag) {
    return /^en(-|_|$)/i.test(tag || '') ? 'en' : 'sv';
  }
  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function showStatus(locale) {
    var t = TEXT[locale];
    fetch('../../api/public/status', { headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (status) {
        text('phase', t.now + ': ' + status.phase.label[locale]);
        var next = status.deadlines[0];
        text('next', next ? t.next + ': ' + next.label[locale] + ', ' + next.when[locale] : t.none);
      })
      .catch(function () {
        /* the pane still shows the mail */
      });
  }

  function render(item, locale) {
    var t = TEXT[locale];
    document.documentElement.lang = locale;
    if (item) {
      document.getElementById('mail').hidden = false;
      text('mail-title', t.mail);
      text('subject', item.subject || '');
      var from = item.from || item.sender;
      text('from', from ? from.displayName + ' <' + from.emailAddress + '>' : '');
      text('note', t.soon);
    } else {
      text('note', t.outside);
    }
    showStatus(locale);
  }

  var office = window.Office;
  if (!office) {
    render(undefined, pick(navigator.language));
    return;
  }
  // Outside Outlook Office.onReady may never settle: do not wait for it long.
  var done = false;
  setTimeout(function () {
    if (!done) {
      done = true;
      render(undefined, pick(navigator.language));
    }
  }, 3000);
  office.onReady(function () {
    if (done) return;
    done = true;
    var mailbox = office.context && office.context.mailbox;
    render(
      mailbox && mailbox.item,
      pick((office.context && office.context.displayLanguage) || navigator.language),
    );
  });
})();
