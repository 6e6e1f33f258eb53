/* Maps of centres: an enhancement of the directory's list and of a centre's
   coordinates, which say the same thing without JavaScript.

   Every element with data-centre-map names, in data-map-source, a json_script
   block holding its markers (see NetworkIndexPage.map_data and
   CentrePage.map_marker). The element stays hidden until the map is drawn, so
   without JavaScript or without Leaflet nothing of it shows. Markers are
   Leaflet's keyboard-focusable buttons, named after their centre; Enter opens
   the popup, which shows the centre's card. The tile server comes from
   data-tiles-url (settings.MAP_TILES_URL); without one, markers are drawn on
   a blank background. */
(function () {
  "use strict";

  var DIRECTORY_MAX_ZOOM = 12;
  var SINGLE_CENTRE_ZOOM = 13;
  var POPUP_MAX_WIDTH = 280;
  // The zoom buttons' width and margin, and the popup's own padding.
  var POPUP_LEFT_CLEARANCE = 48;
  var POPUP_PADDING = 56;

  function readMarkers(sourceId) {
    var source = document.getElementById(sourceId);
    if (!source) {
      return [];
    }
    try {
      return JSON.parse(source.textContent);
    } catch (error) {
      return [];
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  /* A centre listed in another language than the page's (a French centre on
     the Arabic map) keeps its own language and direction on its own text. */
  function inCentreLanguage(node, centre) {
    if (centre.language) {
      node.setAttribute("lang", centre.language);
      node.setAttribute("dir", centre.language_direction || "ltr");
    }
    return node;
  }

  /* The centre's card, built from text only (never parsed as HTML). */
  function card(centre) {
    var article = element("article", "map-card");
    article.setAttribute("dir", document.documentElement.getAttribute("dir") || "ltr");
    article.setAttribute("lang", document.documentElement.getAttribute("lang") || "");
    var title = inCentreLanguage(element("p", "map-card__title"), centre);
    var link = element("a", "map-card__link", centre.title);
    link.href = centre.url;
    if (centre.language) {
      link.setAttribute("hreflang", centre.language);
    }
    title.appendChild(link);
    article.appendChild(title);
    if (centre.language_label) {
      article.appendChild(element("p", "card__language", centre.language_label));
    }
    if (centre.heritage_site && centre.heritage_site !== centre.title) {
      article.appendChild(
        inCentreLanguage(element("p", "map-card__subtitle", centre.heritage_site), centre)
      );
    }
    article.appendChild(
      element("p", "map-card__meta", centre.place || centre.town + ", " + centre.country)
    );
    if (centre.summary) {
      article.appendChild(inCentreLanguage(element("p", "map-card__text", centre.summary), centre));
    }
    var tag = element("span", "tag tag--" + centre.membership, centre.membership_label);
    var tags = element("p", "map-card__tags");
    tags.appendChild(tag);
    article.appendChild(tags);
    return article;
  }

  /* The popup behaves like a small dialog for keyboard users: opening it
     moves focus to the centre's link, Escape closes it and returns to the
     marker. */
  function bindCard(marker, cardElement, maxWidth) {
    // Kept clear of the zoom buttons (top left) when Leaflet pans to show it.
    marker.bindPopup(cardElement, {
      maxWidth: maxWidth,
      minWidth: Math.min(50, maxWidth),
      autoPanPaddingTopLeft: [POPUP_LEFT_CLEARANCE, 12],
    });
    marker.on("popupopen", function () {
      var link = cardElement.querySelector("a");
      if (link) {
        link.focus({ preventScroll: true });
      }
    });
    cardElement.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        marker.closePopup();
        var icon = marker.getElement();
        if (icon) {
          icon.focus();
        }
      }
    });
  }

  function useBundledMarkerImages(container) {
    // Full URLs of django-leaflet's images, so hashed file names (manifest
    // storage) work: Leaflet would otherwise guess a directory from its CSS.
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: container.getAttribute("data-marker-icon"),
      iconRetinaUrl: container.getAttribute("data-marker-icon-retina"),
      shadowUrl: container.getAttribute("data-marker-shadow"),
    });
  }

  function draw(container) {
    var centres = readMarkers(container.getAttribute("data-map-source"));
    var canvas = container.querySelector("[data-map-canvas]");
    if (!centres.length || !canvas) {
      return;
    }
    var single = container.getAttribute("data-map-mode") === "single";
    // Shown before Leaflet measures the canvas.
    container.hidden = false;
    useBundledMarkerImages(container);

    // Visitors who asked their system for less motion get no fades or zooms.
    var animate = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var map = L.map(canvas, {
      scrollWheelZoom: false,
      fadeAnimation: animate,
      zoomAnimation: animate,
      markerZoomAnimation: animate,
    });
    var tilesUrl = container.getAttribute("data-tiles-url");
    if (tilesUrl) {
      L.tileLayer(tilesUrl, {
        attribution: container.getAttribute("data-tiles-attribution") || "",
        maxZoom: 18,
      }).addTo(map);
    }

    // On a phone the popup fits between the zoom buttons and the right edge.
    var popupWidth = Math.min(
      POPUP_MAX_WIDTH,
      canvas.clientWidth - POPUP_LEFT_CLEARANCE - POPUP_PADDING - 8
    );
    var markers = centres.map(function (centre) {
      var marker = L.marker([centre.latitude, centre.longitude], {
        title: centre.title,
        alt: centre.title,
        keyboard: true,
      });
      if (!single) {
        bindCard(marker, card(centre), popupWidth);
      }
      return marker;
    });
    var group = L.featureGroup(markers).addTo(map);

    if (single) {
      map.setView([centres[0].latitude, centres[0].longitude], SINGLE_CENTRE_ZOOM);
    } else {
      map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: DIRECTORY_MAX_ZOOM });
    }
  }

  function init() {
    if (typeof window.L === "undefined") {
      return;
    }
    var containers = document.querySelectorAll("[data-centre-map]");
    for (var i = 0; i < containers.length; i += 1) {
      draw(containers[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
