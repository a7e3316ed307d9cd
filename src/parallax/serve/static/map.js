// The incidents map: country outlines, zones and incidents drawn as SVG from the app's own JSON.
// Coordinates are equirectangular (x = longitude, y = -latitude); all text goes in via textContent.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function element(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function titled(node, text) {
  element("title", {}, node).textContent = text;
  return node;
}

function ringPath(ring) {
  return "M" + ring.map(([x, y]) => `${x.toFixed(3)} ${(-y).toFixed(3)}`).join("L") + "Z";
}

function geometryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.map((rings) => rings.map(ringPath).join("")).join("");
}

function viewOf(features, zones) {
  const xs = [], ys = [];
  for (const f of features) { xs.push(f.geometry.coordinates[0]); ys.push(-f.geometry.coordinates[1]); }
  for (const z of zones) {
    const polygons = z.geometry.type === "Polygon" ? [z.geometry.coordinates]
      : z.geometry.type === "MultiPolygon" ? z.geometry.coordinates : [];
    for (const rings of polygons) for (const [x, y] of rings[0] || []) { xs.push(x); ys.push(-y); }
  }
  if (!xs.length) return [-180, -90, 360, 180];
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let width = Math.max(x1 - x0, 16) * 1.3, height = Math.max(y1 - y0, 8) * 1.3;
  if (width / height > 2) height = width / 2; else width = height * 2;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return [cx - width / 2, cy - height / 2, width, height];
}

function radius(best, viewWidth) {
  const size = 0.45 + Math.sqrt(Math.max(best || 0, 1)) / 5;
  return Math.min(size, 2.5) * viewWidth / 180;
}

function drawIncident(layer, feature, viewWidth) {
  const p = feature.properties;
  const link = element("a", { href: `/incidents/${encodeURIComponent(feature.id)}` }, layer);
  const [lon, lat] = feature.geometry.coordinates;
  const dot = element("circle", { cx: lon, cy: -lat, r: radius(p.fatalities_best, viewWidth),
    class: "incident" + (p.contested ? " contested" : ""), "data-id": feature.id }, link);
  const label = [p.event_date || "date unknown", p.sub_event_type || p.event_type, p.location || "",
    p.fatalities_best != null ? `fatalities (best): ${p.fatalities_best}` : "", p.claims || ""];
  titled(dot, label.filter(Boolean).join("\n"));
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

async function drawMap(svg) {
  const status = document.getElementById("map-status");
  const [countries, incidents, zones] = await Promise.all([
    fetchJson(svg.dataset.countries), fetchJson(svg.dataset.incidents), fetchJson(svg.dataset.zones)]);
  const view = viewOf(incidents.features, zones.features);
  svg.setAttribute("viewBox", view.join(" "));
  const land = element("g", { class: "countries" }, svg);
  for (const country of countries.countries) titled(element("path", { d: country.d, class: "country" }, land), country.name);
  const zoneLayer = element("g", { class: "zones" }, svg);
  for (const zone of zones.features) {
    titled(element("path", { d: geometryPath(zone.geometry), class: "zone", "data-id": zone.id }, zoneLayer),
      `${zone.properties.name} (${zone.properties.kind})`);
  }
  const layer = element("g", { class: "incidents" }, svg);
  const ordered = [...incidents.features].sort((a, b) => (b.properties.fatalities_best || 0) - (a.properties.fatalities_best || 0));
  for (const feature of ordered) drawIncident(layer, feature, view[2]);
  svg.dataset.drawn = String(incidents.features.length);
  const unlocated = (incidents.unlocated || []).length;
  status.textContent = `${incidents.features.length} incidents drawn` +
    (unlocated ? `, ${unlocated} without coordinates not shown` : "") +
    (zones.features.length ? `, ${zones.features.length} zones` : "");
}

document.addEventListener("DOMContentLoaded", () => {
  const svg = document.getElementById("map");
  if (!svg) return;
  drawMap(svg).catch((error) => {
    document.getElementById("map-status").textContent = `the map could not be drawn: ${error.message}`;
    svg.dataset.drawn = "error";
  });
});
