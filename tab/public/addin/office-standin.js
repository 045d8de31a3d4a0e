/* global window, document, location, fetch, sessionStorage, URLSearchParams, setTimeout */
// A small stand-in for Office.js so the add-in's panes open in a plain browser in the local mode
// (and in the browser tests, which route Office's CDN address here): Outlook's mailbox with one item,
// a received mail in the shared mailbox or a new appointment being composed. Saving the appointment
// puts it in the signed-in person's calendar in the local Microsoft 365, as Outlook's saveAsync
// does, through the app's local-mode-only /api/local-office route. Nothing here is used in Outlook.
// Settings: window.__officeStandIn (tests) or the page address: ?standin&user=<upn>
// &internetMessageId=<id>&mailbox=<where the mail is>&subject=…&from=…&locale=en-US
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var page = /appointment/.test(location.pathname) ? 'appointment' : 'message';
  var settings = Object.assign(
    {
      user: query.get('user') || '',
      item: query.get('item') || page,
      internetMessageId: query.get('internetMessageId') || '',
      mailbox: query.get('mailbox') || '',
      subject: query.get('subject') || '',
      from: query.get('from') || '',
      displayLanguage: query.get('locale') || 'sv-SE',
    },
    window.__officeStandIn || {},
  );
  var Succeeded = 'succeeded';
  var Failed = 'failed';
  var ok = function (cb, value) {
    if (cb)
      setTimeout(function () {
        cb({ status: Succeeded, value: value });
      }, 0);
  };
  var fail = function (cb, message) {
    if (cb)
      setTimeout(function () {
        cb({ status: Failed, error: { code: 9999, name: 'StandIn', message: message } });
      }, 0);
  };
  var lastCallback = function (args) {
    for (var i = args.length - 1; i >= 0; i--) if (typeof args[i] === 'function') return args[i];
    return undefined;
  };

  var tokenPromise;
  function token() {
    // The local sign-in: a token the emulator mints for the chosen person, as Office SSO would give.
    tokenPromise =
      tokenPromise ||
      (function () {
        var stored = sessionStorage.getItem('kvalitet.localToken');
        if (!settings.user && stored) return Promise.resolve(stored);
        return fetch('/api/local-sign-in/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ upn: settings.user }),
        }).then(function (res) {
          if (!res.ok) throw new Error('local sign-in failed (' + res.status + ')');
          return res.json().then(function (b) {
            return b.access_token;
          });
        });
      })();
    return tokenPromise;
  }

  var userAddress = (settings.user || '').toLowerCase();
  var state = { appointment: { requiredAttendees: [], optionalAttendees: [] }, saves: 0 };

  function field(name) {
    return {
      setAsync: function (value) {
        var cb = lastCallback(arguments);
        state.appointment[name] = value;
        ok(cb);
      },
      getAsync: function () {
        ok(lastCallback(arguments), state.appointment[name]);
      },
    };
  }
  function attendees(name) {
    return {
      setAsync: function (list) {
        var cb = lastCallback(arguments);
        state.appointment[name] = list.map(function (a) {
          return typeof a === 'string'
            ? { emailAddress: a, displayName: a }
            : { emailAddress: a.emailAddress, displayName: a.displayName || a.emailAddress };
        });
        ok(cb);
      },
      getAsync: function () {
        ok(lastCallback(arguments), state.appointment[name]);
      },
    };
  }

  var appointment = {
    itemType: 'appointment',
    start: field('start'),
    end: field('end'),
    location: field('location'),
    subject: field('subject'),
    requiredAttendees: attendees('requiredAttendees'),
    optionalAttendees: attendees('optionalAttendees'),
    body: {
      setAsync: function (value, options) {
        state.appointment.body = value;
        state.appointment.bodyType = (options && options.coercionType) || 'text';
        ok(lastCallback(arguments));
      },
      getAsync: function () {
        ok(lastCallback(arguments), state.appointment.body);
      },
    },
    saveAsync: function () {
      var cb = lastCallback(arguments);
      var a = state.appointment;
      if (!a.start || !a.end) return fail(cb, 'The appointment has no time.');
      token()
        .then(function (t) {
          return fetch(
            '/api/local-office/appointments' + (state.id ? '/' + encodeURIComponent(state.id) : ''),
            {
              method: state.id ? 'PATCH' : 'POST',
              headers: { 'content-type': 'application/json', authorization: 'Bearer ' + t },
              body: JSON.stringify({
                subject: a.subject || '',
                start: new Date(a.start).toISOString(),
                end: new Date(a.end).toISOString(),
                attendees: a.requiredAttendees.map(function (x) {
                  return { address: x.emailAddress, name: x.displayName };
                }),
                location: a.location || '',
                html: a.body || '',
              }),
            },
          );
        })
        .then(function (res) {
          if (!res.ok) throw new Error('saving failed (' + res.status + ')');
          return res.json();
        })
        .then(function (saved) {
          state.id = saved.id;
          state.ewsId = saved.ewsId;
          state.saves++;
          ok(cb, saved.ewsId);
        })
        .catch(function (e) {
          fail(cb, String(e.message || e));
        });
    },
    getItemIdAsync: function () {
      var cb = lastCallback(arguments);
      if (!state.ewsId) return fail(cb, 'The item has not been saved yet.');
      ok(cb, state.ewsId);
    },
  };

  var owner = (settings.mailbox || userAddress).toLowerCase();
  var message = {
    itemType: 'message',
    internetMessageId: settings.internetMessageId,
    subject: settings.subject,
    from: { displayName: settings.from, emailAddress: settings.from },
    getSharedPropertiesAsync: function () {
      var cb = lastCallback(arguments);
      // Only an item in someone else's mailbox (a shared mailbox or folder) has shared properties.
      if (!owner || owner === userAddress) return fail(cb, 'The item is not shared.');
      ok(cb, { owner: owner, targetMailbox: owner, delegatePermissions: 63 });
    },
  };

  var ready = Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' });
  window.Office = {
    AsyncResultStatus: { Succeeded: Succeeded, Failed: Failed },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RestVersion: { v2_0: 'v2.0' },
    },
    onReady: function (cb) {
      if (cb) ready.then(cb);
      return ready;
    },
    auth: {
      getAccessToken: function () {
        return token();
      },
    },
    context: {
      displayLanguage: settings.displayLanguage,
      requirements: {
        isSetSupported: function (name, version) {
          return name === 'Mailbox' && Number(version || '1') <= 1.13;
        },
      },
      mailbox: {
        userProfile: {
          emailAddress: userAddress,
          displayName: settings.user,
          timeZone: 'W. Europe Standard Time',
        },
        item: settings.item === 'appointment' ? appointment : message,
        convertToRestId: function (id) {
          return id.replace(/\//g, '-').replace(/\+/g, '_');
        },
      },
    },
  };
  // For tests and the curious: what the pane put in the appointment.
  window.__officeStandInState = state;
  document.documentElement.setAttribute('data-office-standin', settings.item);
})();
