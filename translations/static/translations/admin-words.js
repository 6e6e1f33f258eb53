// Words that Wagtail's and wagtail-localize's scripts write in English whatever
// the admin's language: the date picker's "Save Selected" button, and the
// heading "French to Arabic translation" of wagtail-localize's editor. Their
// translations come from the page (data attributes of this script's tag, filled
// by the server's catalogs: portal/wagtail_hooks.py).
(() => {
  const words = document.currentScript.dataset;
  const sourceToTarget = / to (.+) translation$/;

  const translate = (root) => {
    root.querySelectorAll(".xdsoft_save_selected").forEach((button) => {
      if (button.textContent !== words.saveSelected) button.textContent = words.saveSelected;
    });
    root.querySelectorAll(".js-translation-editor h3").forEach((heading) => {
      const text = heading.textContent;
      const match = text.match(sourceToTarget);
      if (match) {
        const source = text.slice(0, match.index);
        heading.textContent = words.translationOf
          .replace("{source}", source)
          .replace("{target}", match[1]);
      }
    });
  };

  const start = () => {
    translate(document);
    new MutationObserver(() => translate(document)).observe(document.body, {
      childList: true,
      subtree: true,
    });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
