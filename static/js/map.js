/* "Show map": only when pressed does the page fetch Leaflet (from this site) and the map
   tiles (from the tile server named beside the button, which learns the area shown).
   Markers are the in-person places the page lists, and the place searched from. */
(function () {
  "use strict";

  var panel = document.querySelector("[data-map]");
  if (!panel) { return; }
  var button = panel.querySelector(".map-show");
  var canvas = panel.querySelector(".map-canvas");
  panel.hidden = false;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element[name] = attributes[name]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function popup(name, href) {
    var link = document.createElement(href ? "a" : "span");
    link.textContent = name;
    if (href) { link.href = href; }
    return link;
  }

  function draw() {
    var L = window.L;
    var markers = JSON.parse(panel.dataset.markers || "[]");
    var place = JSON.parse(panel.dataset.place || "null");
    var map = L.map(canvas, { scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    L.tileLayer(panel.dataset.tileUrl, {
      maxZoom: 19, attribution: panel.dataset.attribution
    }).addTo(map);
    var points = [];
    markers.forEach(function (mark) {
      var href = panel.dataset.serviceUrl.replace("SERVICE_ID", encodeURIComponent(mark.id));
      L.circleMarker([mark.lat, mark.lng], { radius: 8, color: "#0b5394", weight: 2,
        fillOpacity: 0.8, className: "map-marker" })
        .bindPopup(popup(mark.name, href)).addTo(map);
      points.push([mark.lat, mark.lng]);
    });
    if (place) {
      L.circleMarker([place.lat, place.lng], { radius: 7, color: "#7a1020", weight: 3,
        fillOpacity: 0.3, className: "map-place" })
        .bindPopup(popup(panel.dataset.placeLabel + ": " + place.name)).addTo(map);
      points.push([place.lat, place.lng]);
    }
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
    } else {
      map.setView(points[0], 14);
    }
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    canvas.hidden = false;
    Promise.all([
      load("link", { rel: "stylesheet", href: panel.dataset.leafletCss }),
      load("script", { src: panel.dataset.leafletJs })
    ]).then(function () {
      button.hidden = true;
      draw();
    }, function () {
      button.disabled = false;
      canvas.hidden = true;
    });
  });
})();
