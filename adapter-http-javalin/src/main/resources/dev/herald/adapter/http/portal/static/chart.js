"use strict";
// A webhook's recent deliveries as a small inline SVG (docs/API.md §12): one bar per delivery, oldest on the left,
// its height the duration of its last attempt, its colour the outcome. Drawn with the DOM, so nothing inline is
// needed under the portal's Content-Security-Policy.
const HeraldChart = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 180, HEIGHT = 44, GAP = 2;

  function lastAttempt(delivery) {
    const attempts = delivery.attempts || [];
    return attempts.length ? attempts[attempts.length - 1] : null;
  }

  /** Of the deliveries attempted at least once: the share delivered, and the median duration of their last attempt. */
  function summarize(deliveries) {
    const attempted = deliveries.filter(d => lastAttempt(d));
    const delivered = deliveries.filter(d => d.status === "DELIVERED").length;
    const durations = attempted.map(d => lastAttempt(d).durationMs).sort((a, b) => a - b);
    const median = durations.length ? durations[Math.floor((durations.length - 1) / 2)] : null;
    return {count: deliveries.length, rate: attempted.length ? Math.round(100 * delivered / attempted.length) : null,
      median};
  }

  function describe(s) {
    if (!s.count) return "No deliveries yet";
    const rate = s.rate === null ? "none attempted yet" : s.rate + "% delivered";
    const latency = s.median === null ? "" : ", median " + s.median + " ms";
    return "Last " + s.count + " deliveries: " + rate + latency;
  }

  /** The chart of {@code deliveries} (newest first, as the API lists them) and its summary in words. */
  function draw(deliveries) {
    const oldestFirst = deliveries.slice().reverse();
    const summary = summarize(deliveries);
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
    svg.setAttribute("class", "chart");
    svg.setAttribute("preserveAspectRatio", "xMinYMax meet");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", describe(summary));
    const slots = Math.max(oldestFirst.length, 10);
    const barWidth = (WIDTH - GAP * (slots - 1)) / slots;
    const longest = Math.max(1, ...oldestFirst.map(d => (lastAttempt(d) || {durationMs: 0}).durationMs));
    oldestFirst.forEach((delivery, i) => {
      const attempt = lastAttempt(delivery);
      const height = attempt ? Math.max(4, (HEIGHT - 2) * attempt.durationMs / longest) : 4;
      const bar = document.createElementNS(SVG, "rect");
      bar.setAttribute("x", String(i * (barWidth + GAP)));
      bar.setAttribute("y", String(HEIGHT - height));
      bar.setAttribute("width", String(barWidth));
      bar.setAttribute("height", String(height));
      bar.setAttribute("class", "bar " + delivery.status.toLowerCase());
      const title = document.createElementNS(SVG, "title");
      title.textContent = delivery.status + (attempt ? ", " + attempt.durationMs + " ms" : "") + " — " + delivery.createdDate;
      bar.appendChild(title);
      svg.appendChild(bar);
    });
    return {svg, text: describe(summary)};
  }

  return {draw};
})();
