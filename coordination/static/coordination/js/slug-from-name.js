// The agency's URL name, filled in from its Thai name as the officer types it.
// The server romanises the name (Royal Institute system) and picks a slug no other agency has;
// the slug follows the name until the officer types a slug of their own (clearing the field
// lets it follow again). Without JavaScript the server fills in a slug left blank on save.
(function () {
  "use strict";

  var DELAY_MS = 300;

  function init(slug) {
    var name = document.getElementById(slug.dataset.slugSource);
    if (!name || slug.dataset.slugReady) return;
    slug.dataset.slugReady = "1";
    var suggested = "";
    var follows = slug.value === "";
    var timer = null;
    var latest = 0;

    slug.addEventListener("input", function () {
      follows = slug.value === "" || slug.value === suggested;
    });

    function suggest() {
      var request = ++latest;
      var url = new URL(slug.dataset.slugSuggestUrl, window.location.href);
      url.searchParams.set("name", name.value.trim());
      if (slug.dataset.slugAgency) url.searchParams.set("agency", slug.dataset.slugAgency);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.statusText);
          return response.json();
        })
        .then(function (data) {
          // A newer keystroke's answer, or an officer who has typed a slug, wins.
          if (request !== latest || !follows) return;
          suggested = data.slug;
          slug.value = data.slug;
          slug.dispatchEvent(new Event("change", { bubbles: true }));
        })
        .catch(function () {
          // The server fills in a blank slug on save anyway.
        });
    }

    name.addEventListener("input", function () {
      if (!follows) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, DELAY_MS);
    });
  }

  function initAll() {
    document.querySelectorAll("input[data-slug-suggest-url]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
