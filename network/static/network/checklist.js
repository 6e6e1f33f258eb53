/* The charter self-check list of the label page: an enhancement of plain
   checkboxes (which work, unsaved, without JavaScript). It reveals a live
   region under the list and keeps it saying how many criteria are met, from
   the translated template in data-template ("{met} of {total} criteria met").
   Nothing is sent or stored. */
(function () {
  "use strict";

  function setUp(checklist) {
    var boxes = checklist.querySelectorAll('input[type="checkbox"]');
    var status = checklist.querySelector("[data-checklist-status]");
    var template = status ? status.getAttribute("data-template") : "";
    if (!boxes.length || !template) {
      return;
    }

    function update() {
      var met = 0;
      Array.prototype.forEach.call(boxes, function (box) {
        if (box.checked) {
          met += 1;
        }
      });
      status.textContent = template
        .replace("{met}", String(met))
        .replace("{total}", String(boxes.length));
    }

    // Browsers restore ticked boxes on "back": start from what is shown.
    update();
    status.hidden = false;
    checklist.addEventListener("change", update);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-checklist]"), setUp);
})();
