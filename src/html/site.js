// The site's one script. Every page works without it; it only adds two things.
"use strict";
(function () {
  // A fee ceiling on a list of credentials, as `hi certs --max-fee USD [--member]`: each row
  // carries its current exam fee (none when unknown, which no ceiling keeps).
  var filter = document.querySelector("form.fee-filter");
  if (filter) {
    var rows = document.querySelectorAll("tr[data-fee-row]");
    var apply = function () {
      var max = filter.elements.max.value;
      var price = filter.elements.member.checked ? "member" : "nonMember";
      var shown = 0;
      rows.forEach(function (row) {
        var fee = row.dataset[price];
        var keep = max === "" || (fee !== undefined && Number(fee) <= Number(max));
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      filter.elements.shown.value = max === "" ? "" : shown + " of " + rows.length + " shown";
    };
    filter.addEventListener("input", apply);
    filter.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    filter.hidden = false;
  }

  // Any two credentials side by side: the page carries every credential's column in a
  // template, and the picker keeps the two chosen.
  var picker = document.querySelector("form.picker");
  var every = document.getElementById("every-credential");
  var picked = document.getElementById("picked");
  if (picker && every && picked) {
    var show = function () {
      var chosen = [picker.elements.a.value, picker.elements.b.value];
      var table = every.content.cloneNode(true);
      table.querySelectorAll("[data-col]").forEach(function (cell) {
        if (chosen.indexOf(cell.dataset.col) < 0) cell.remove();
      });
      picked.replaceChildren(table);
    };
    picker.addEventListener("change", show);
    picker.hidden = false;
    show();
  }
})();
