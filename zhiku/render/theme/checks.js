// checks.html: show the filter form (hidden without JavaScript, so every finding shows) and
// hide the rows that do not match the chosen verdict and relation.
(function () {
  "use strict";
  var form = document.getElementById("check-filters");
  var rows = document.querySelectorAll("#findings tbody tr");
  if (!form || !rows.length) { return; }
  var verdict = document.getElementById("filter-verdict");
  var relation = document.getElementById("filter-relation");
  var count = document.getElementById("filter-count");
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!verdict.value || row.dataset.verdict === verdict.value) &&
               (!relation.value || row.dataset.relation === relation.value);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = "显示 " + shown + " / " + rows.length + " 项";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("verdict")) { verdict.value = params.get("verdict"); }
  if (params.get("relation")) { relation.value = params.get("relation"); }
  apply();
}());
