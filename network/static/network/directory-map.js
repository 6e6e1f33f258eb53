/* Maps of centres: an enhancement of the directory's list and of a centre's
   coordinates, which say the same thing without JavaScript.

   Every element with data-centre-map names, in data-map-source, a json_script
   block holding its markers (see NetworkIndexPage.map_data and
   CentrePage.map_marker). The element stays hidden until the map is drawn, so
   without JavaScript or without Leaflet nothing of it shows. Markers are
   Leaflet's keyboard-focusable buttons, named after their centre; Enter opens
   the popup, which shows the centre's card. The tile server comes from
   data-tiles-url (settings.MAP_TILES_URL); without one, markers are drawn on
   a blank background.

   Markers that would cover one another at the map's zoom (the French centres
   on a map of the world) are drawn as one numbered marker instead, which
   zooms in on them when pressed: every marker stays a whole pointer target of
   at least 24 x 24 px (WCAG 2.2, 2.5.8; Lighthouse's target-size). */
(function () {
  "use strict";

  var DIRECTORY_MAX_ZOOM = 12;
  var SINGLE_CENTRE_ZOOM = 13;
  // Leaflet's default pin, anchored at the middle of its bottom edge.
  var PIN_SIZE = [25, 41];
  var GROUP_SIZE = 36;
  // Room left between two markers, in CSS pixels.
  var MARKER_GAP = 4;
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
  // On a phone the popup fits between the zoom buttons and the right edge.
  function popupWidth(map) {
    return Math.min(
      POPUP_MAX_WIDTH,
      map.getContainer().clientWidth - POPUP_LEFT_CLEARANCE - POPUP_PADDING - 8
    );
  }

  function bindCard(marker, cardElement, map) {
    var maxWidth = popupWidth(map);
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

  /* The box a marker covers on screen at the map's zoom, for a pin or a group. */
  function markerBox(point, isGroup) {
    if (isGroup) {
      var half = GROUP_SIZE / 2 + MARKER_GAP / 2;
      return L.bounds([point.x - half, point.y - half], [point.x + half, point.y + half]);
    }
    var gap = MARKER_GAP / 2;
    return L.bounds(
      [point.x - PIN_SIZE[0] / 2 - gap, point.y - PIN_SIZE[1] - gap],
      [point.x + PIN_SIZE[0] / 2 + gap, point.y + gap]
    );
  }

  /* Groups of centres whose markers would overlap at the map's zoom: two items
     that touch merge into one group, drawn at their centre, until none touch. */
  function groupOverlapping(map, centres) {
    var items = centres.map(function (centre) {
      var point = map.project([centre.latitude, centre.longitude]);
      return { members: [centre], point: point, box: markerBox(point, false) };
    });
    var merged = true;
    while (merged) {
      merged = false;
      for (var i = 0; i < items.length && !merged; i += 1) {
        for (var j = i + 1; j < items.length && !merged; j += 1) {
          if (items[i].box.overlaps(items[j].box)) {
            var members = items[i].members.concat(items[j].members);
            var point = L.point(0, 0);
            members.forEach(function (centre) {
              point = point.add(map.project([centre.latitude, centre.longitude]));
            });
            point = point.divideBy(members.length);
            items.splice(j, 1);
            items[i] = { members: members, point: point, box: markerBox(point, true) };
            merged = true;
          }
        }
      }
    }
    return items;
  }

  function centreMarker(map, centre) {
    var marker = L.marker([centre.latitude, centre.longitude], {
      title: centre.title,
      alt: centre.title,
      keyboard: true,
    });
    bindCard(marker, card(centre), map);
    return marker;
  }

  /* A numbered marker for several centres: pressing it (click or Enter) zooms
     in on them; where the map cannot zoom further, it lists them. */
  function groupMarker(map, item, label) {
    var count = String(item.members.length);
    var name = label.replace("{count}", count);
    var marker = L.marker(map.unproject(item.point), {
      icon: L.divIcon({ className: "centre-map__cluster", iconSize: [GROUP_SIZE, GROUP_SIZE] }),
      keyboard: true,
      title: name,
    });
    var bounds = L.latLngBounds(
      item.members.map(function (centre) {
        return [centre.latitude, centre.longitude];
      })
    );
    marker.on("add", function () {
      var icon = marker.getElement();
      icon.textContent = count;
      icon.setAttribute("aria-label", name);
    });
    function activate() {
      if (map.getBoundsZoom(bounds, false, L.point(64, 64)) > map.getZoom()) {
        map.fitBounds(bounds, { padding: [32, 32], maxZoom: map.getMaxZoom() });
      } else {
        if (!marker.getPopup()) {
          var list = element("div", "map-card__group");
          item.members.forEach(function (centre) {
            list.appendChild(card(centre));
          });
          bindCard(marker, list, map);
        }
        marker.openPopup();
      }
    }
    marker.on("click", activate);
    // Leaflet's markers answer Enter only to open a popup: a button answers Enter and Space.
    marker.on("keypress", function (event) {
      var key = event.originalEvent.key;
      if (key === "Enter" || key === " ") {
        event.originalEvent.preventDefault();
        activate();
      }
    });
    return marker;
  }

  /* Draws the centres at the map's zoom, one marker per centre or per group,
     again after each zoom. Focus follows: the marker that had it gives it to
     the marker now holding its (first) centre. */
  function drawMarkers(map, centres, label) {
    var layer = L.layerGroup().addTo(map);
    var drawn = [];
    function render() {
      var focused = null;
      drawn.forEach(function (entry) {
        if (entry.marker.getElement() === document.activeElement) {
          focused = entry.members[0];
        }
      });
      layer.clearLayers();
      drawn = groupOverlapping(map, centres).map(function (item) {
        var marker =
          item.members.length === 1
            ? centreMarker(map, item.members[0])
            : groupMarker(map, item, label);
        marker.addTo(layer);
        return { marker: marker, members: item.members };
      });
      drawn.forEach(function (entry) {
        if (focused && entry.members.indexOf(focused) !== -1) {
          entry.marker.getElement().focus({ preventScroll: true });
        }
      });
    }
    map.on("zoomend", render);
    render();
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

    if (single) {
      var centre = centres[0];
      L.marker([centre.latitude, centre.longitude], {
        title: centre.title,
        alt: centre.title,
        keyboard: true,
      }).addTo(map);
      map.setView([centre.latitude, centre.longitude], SINGLE_CENTRE_ZOOM);
      return;
    }
    var bounds = L.latLngBounds(
      centres.map(function (centre) {
        return [centre.latitude, centre.longitude];
      })
    );
    map.fitBounds(bounds, { padding: [32, 32], maxZoom: DIRECTORY_MAX_ZOOM });
    drawMarkers(map, centres, container.getAttribute("data-group-label") || "{count}");
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
