/* The enquiry form: when the page comes back with errors, move the focus to
   the summary of errors (which role="alert" already announces), so keyboard
   users start from the list of links to the fields to fix. */
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
