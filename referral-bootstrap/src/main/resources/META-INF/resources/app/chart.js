// The dashboard's chart: sign-ups per day over the last 30 days, as an inline SVG drawn with DOM calls (no markup
// strings, no style attributes: the page's CSP allows neither inline script nor inline style).

const SVG = 'http://www.w3.org/2000/svg';
const DAYS = 30;
const DAY_MS = 86_400_000;
const WIDTH = 600;
const HEIGHT = 160;
const LEFT = 28;
const BOTTOM = 20;

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
  if (text !== undefined) node.textContent = text;
  return node;
}

function utcDay(instant) {
  return Math.floor(new Date(instant).getTime() / DAY_MS);
}

/** Counts per UTC day, oldest first, of the instants within the last 30 days (today included). */
export function perDay(instants, now = Date.now()) {
  const today = utcDay(now);
  const counts = new Array(DAYS).fill(0);
  instants.forEach((instant) => {
    const index = DAYS - 1 - (today - utcDay(instant));
    if (index >= 0 && index < DAYS) counts[index] += 1;
  });
  return counts.map((count, i) => ({ day: new Date((today - (DAYS - 1 - i)) * DAY_MS), count }));
}

/** Replaces the content of `svg` with a bar chart of `days` ({day, count}). */
export function draw(svg, days) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - BOTTOM - 8;
  const slot = plotWidth / days.length;
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${total} sign-ups in the last 30 days; at most ${max} on one day`);
  svg.appendChild(element('title', {}, `${total} sign-ups in the last 30 days`));
  svg.appendChild(element('line', { class: 'axis', x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH, y2: HEIGHT - BOTTOM }));
  svg.appendChild(element('text', { x: LEFT - 4, y: 14, 'text-anchor': 'end' }, String(max)));
  svg.appendChild(element('text', { x: LEFT - 4, y: HEIGHT - BOTTOM, 'text-anchor': 'end' }, '0'));
  const label = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  days.forEach((d, i) => {
    const height = (d.count / max) * plotHeight;
    const bar = element('rect', {
      class: 'bar',
      x: (LEFT + i * slot + 1).toFixed(1),
      y: (HEIGHT - BOTTOM - height).toFixed(1),
      width: Math.max(1, slot - 2).toFixed(1),
      height: height.toFixed(1),
    });
    bar.appendChild(element('title', {}, `${label.format(d.day)}: ${d.count}`));
    svg.appendChild(bar);
    if ((days.length - 1 - i) % 7 === 0) { // weekly, ending today
      svg.appendChild(element('text', { x: (LEFT + (i + 0.5) * slot).toFixed(1), y: HEIGHT - 6, 'text-anchor': 'middle' },
        label.format(d.day)));
    }
  });
}
