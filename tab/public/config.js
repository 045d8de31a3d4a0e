/* global window */
// Configuration page of the team tab: one fixed tab, so saving just points Teams at the tab page.
(function () {
  'use strict';
  var teams = window.microsoftTeams;
  if (!teams || window.parent === window) return;
  var base = window.location.origin + window.location.pathname.replace(/config\.html$/, '');
  teams.app
    .initialize()
    .then(function () {
      teams.pages.config.registerOnSaveHandler(function (saveEvent) {
        teams.pages.config
          .setConfig({
            contentUrl: base + '?locale={locale}',
            websiteUrl: base,
            entityId: 'kvalitet-team',
            suggestedDisplayName: 'Kvalitetsutmärkelsen',
          })
          .then(
            function () {
              saveEvent.notifySuccess();
            },
            function (err) {
              saveEvent.notifyFailure(String(err));
            },
          );
      });
      teams.pages.config.setValidityState(true);
    })
    .catch(function () {
      /* not hosted in Teams: nothing to configure */
    });
})();
