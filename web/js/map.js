// Choropleth maps as SVG from the server's shapes (already projected: /api/map/*), with
// proportional circles, a legend and a tooltip. No map library.
import {el} from './format.js';

const tooltip = el('div', {class: 'tooltip', role: 'status', 'aria-live': 'off', hidden: true});
document.body.append(tooltip);

function showTip(event, text) {
  tooltip.textContent = text;
  tooltip.hidden = false;
  const pad = 14;
  const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
  let x = event.clientX + pad, y = event.clientY + pad;
  if (x + w > window.innerWidth - 4) x = event.clientX - w - pad;
  if (y + h > window.innerHeight - 4) y = event.clientY - h - pad;
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${y}px`;
}

// Also called when the map is drawn again: the shape under the mouse goes with its mouseleave,
// so a tooltip shown before a state was chosen from the list or the keyboard would stay.
export function hideTip() {
  tooltip.hidden = true;
}

// The frames of the territories' boxes ({id, name, box: [x0, y0, x1, y1]}), each named above.
function drawInsets(svg, insets) {
  if (!insets || !insets.length) return;
  const g = el('g', {class: 'insets', 'aria-hidden': 'true'});
  for (const inset of insets) {
    const [x0, y0, x1, y1] = inset.box;
    g.append(
        el('rect', {x: x0, y: y0, width: x1 - x0, height: y1 - y0, class: 'inset-frame'}),
        el('text', {x: x0 + 1, y: y0 - 3, class: 'inset-label'},
           INSET_NAMES[inset.id] || inset.name));
  }
  svg.append(g);
}

// Short names for the boxes' labels (the shapes' own labels say the full name).
const INSET_NAMES = {
  '72': 'Puerto Rico',
  '78': 'Virgin Is.',
  '66': 'Guam'
};

// Draws `map` ({bounds, shapes, groups, insets}) into the <svg> `svg`.
//   fill(shape) -> color; label(shape) -> text for tooltip and screen readers;
//   onSelect(shape) (optional): click or Enter/Space on a shape;
//   circles: [{x, y, r, label}] in map units (optional);
//   selected: id of a shape to outline.
export function drawMap(svg, map, {fill, label, onSelect, circles = [], selected, kind}) {
  const [x0, y0, x1, y1] = map.bounds;
  const margin = 0.02 * Math.max(x1 - x0, y1 - y0);
  svg.setAttribute(
      'viewBox', `${x0 - margin} ${y0 - margin} ${x1 - x0 + 2 * margin} ${y1 - y0 + 2 * margin}`);
  svg.replaceChildren();
  hideTip();
  drawInsets(svg, map.insets);
  const areas = el('g', {class: 'areas'});
  for (const shape of map.shapes) {
    const text = label(shape);
    const path = el('path', {
      d: shape.path,
      class: `area ${kind}${shape.id === selected ? ' selected' : ''}`,
      fill: fill(shape),
      'data-id': shape.id,
      'aria-label': text,
      role: onSelect ? 'button' : 'img',
      tabindex: onSelect ? 0 : null,
    });
    path.addEventListener('mousemove', (e) => showTip(e, text));
    path.addEventListener('mouseleave', hideTip);
    if (onSelect) {
      path.addEventListener('click', () => {
        hideTip();
        onSelect(shape);
      });
      path.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(shape);
        }
      });
    }
    areas.append(path);
  }
  svg.append(areas);
  // The selected shape drawn again on top, so its outline is not covered by its neighbors.
  const chosen = map.shapes.find((s) => s.id === selected);
  if (chosen) svg.append(el('path', {d: chosen.path, class: 'outline'}));
  if (circles.length) {
    const g = el('g', {class: 'circles', 'aria-hidden': 'true'});
    for (const c of [...circles].sort((a, b) => b.r - a.r)) {
      const circle = el('circle', {cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: c.r.toFixed(2)});
      circle.addEventListener('mousemove', (e) => showTip(e, c.label));
      circle.addEventListener('mouseleave', hideTip);
      g.append(circle);
    }
    svg.append(g);
  }
}

// A row of swatches with the class breaks under them; `format` writes a break.
export function drawLegend(container, scale, {caption, format, noData = true}) {
  const n = scale.colors.length;
  const sw = n > 8 ? 36 : 44, h = 12;
  const width = n * sw + (noData ? 90 : 0) + 40;
  const svg = el('svg', {
    class: 'legend',
    width,
    height: 46,
    viewBox: `0 0 ${width} 46`,
    role: 'img',
    'aria-label': caption
  });
  svg.append(el('text', {x: 0, y: 11, class: 'legend-caption'}, caption));
  scale.colors.forEach((color, i) => {
    svg.append(
        el('rect',
           {x: 20 + i * sw, y: 17, width: sw, height: h, fill: color, class: 'legend-swatch'}));
  });
  // Many classes: every other break labeled, counting from zero for differences so 0 shows.
  const zero = scale.kind === 'diverging' ? scale.breaks.findIndex((b) => Math.abs(b) < 1e-12) : 0;
  const skip = (i) => scale.breaks.length > 8 && Math.abs(i - Math.max(zero, 0)) % 2 === 1;
  const last = scale.breaks.length - 1;
  scale.breaks.forEach((b, i) => {
    if (skip(i)) return;
    // End classes that also hold values beyond their break (a clipped range) say so.
    const open = (i === 0 && scale.clipped?.[0]) ? '≤ ' :
        (i === last && scale.clipped?.[1])       ? '≥ ' :
                                                   '';
    svg.append(el('text', {x: 20 + i * sw, y: 42, class: 'legend-break'}, open + format(b, scale)));
  });
  if (noData) {
    const x = 30 + n * sw + 16;
    svg.append(
        el('rect', {x, y: 17, width: 16, height: h, fill: scale.noData, class: 'legend-swatch'}));
    svg.append(el('text', {x: x + 22, y: 27}, 'no data'));
  }
  container.replaceChildren(svg);
}
