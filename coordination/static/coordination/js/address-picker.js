// Cascading Thai address pickers: province → district → subdistrict → postcode.
// The reference comes from this server (no network beyond it); without JavaScript the selects
// still work, refilled by the server after each save.
(function () {
  "use strict";

  function fill(select, rows, keep) {
    var current = keep ? select.value : "";
    while (select.options.length > 1) select.remove(1);
    rows.forEach(function (row) {
      var option = new Option(row[1], row[0]);
      select.add(option);
    });
    select.value = rows.some(function (row) { return row[0] === current; }) ? current : "";
  }

  function init(form) {
    var province = form.querySelector("[data-address-level=province]");
    var district = form.querySelector("[data-address-level=district]");
    var subdistrict = form.querySelector("[data-address-level=subdistrict]");
    var postcode = form.querySelector("[data-address-level=postcode]");
    if (!province || !district || !subdistrict || province.dataset.addressReady) return;
    province.dataset.addressReady = "1";
    var reference = null;

    function load() {
      if (reference) return Promise.resolve(reference);
      return fetch(province.dataset.geoUrl, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) { reference = data; return data; });
    }

    province.addEventListener("change", function () {
      load().then(function (ref) {
        fill(district, ref.districts[province.value] || [], false);
        fill(subdistrict, [], false);
        if (postcode) postcode.value = "";
      });
    });
    district.addEventListener("change", function () {
      load().then(function (ref) {
        fill(subdistrict, ref.subdistricts[district.value] || [], false);
        if (postcode) postcode.value = "";
      });
    });
    subdistrict.addEventListener("change", function () {
      load().then(function (ref) {
        var rows = ref.subdistricts[district.value] || [];
        var row = rows.find(function (r) { return r[0] === subdistrict.value; });
        if (postcode && row && row[2].length) postcode.value = row[2][0];
      });
    });
  }

  function initAll() {
    document.querySelectorAll("form").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
