/* Search suggestions for every input with data-suggest-url: an enhancement of a
   plain GET form (which keeps working without JavaScript), following the ARIA
   combobox pattern: arrow keys move through the list, Enter opens the chosen
   page, Escape closes the list, and a live region says how many there are. */
(function () {
  "use strict";

  var DELAY = 200;

  function setUp(input, index) {
    var url = input.getAttribute("data-suggest-url");
    var listId = "search-suggestions-" + index;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = "";

    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(position) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (position + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        // The link itself is the option: an option must not contain an
        // interactive element (axe's nested-interactive rule), and a link
        // keeps mouse clicks and "open in a new tab" working.
        var item = document.createElement("li");
        var option = document.createElement("a");
        var type = document.createElement("span");
        item.setAttribute("role", "presentation");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.href = suggestion.url;
        option.tabIndex = -1;
        option.textContent = suggestion.title;
        type.className = "suggestions__type";
        type.textContent = suggestion.type;
        option.appendChild(type);
        item.appendChild(option);
        list.appendChild(item);
      });
      var template = suggestions.length ? (list.getAttribute("data-count-text") || "{count}") : "";
      status.textContent = suggestions.length ? template.replace("{count}", suggestions.length) : "";
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { render([]); return; }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (data.query === query || data.query === query.slice(0, 200)) { render(data.suggestions); } })
        .catch(function () { render([]); });
    }

    list.setAttribute("data-count-text", input.getAttribute("data-suggest-count") || "{count}");
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0 && items[active]) {
        event.preventDefault();
        window.location.assign(items[active].url);
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
