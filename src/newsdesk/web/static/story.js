// newsdesk: the story timeline plot (Chart.js, served by this server). The table under it shows the same rows.
// Labels come from the JSON block and are drawn on the canvas as text; a click follows a same-site citation only.
"use strict";

(function () {
  const data = document.getElementById("timeline-data");
  const canvas = document.getElementById("timeline-chart");
  if (!data || !canvas || typeof Chart === "undefined") return;
  const rows = JSON.parse(data.textContent).filter((r) => r.day);
  if (!rows.length) {
    canvas.parentElement.hidden = true;
    return;
  }
  const day = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
  const iso = (n) => new Date(n * 86400000).toISOString().slice(0, 10);
  const lanes = [...new Set(rows.map((r) => r.lane))].sort((a, b) => (a === "published") - (b === "published"));
  const colours = ["#1f5fa8", "#c2791f", "#2e9b54", "#8d5ac2", "#b83b3b", "#2f8f9d", "#7a6a00"];
  const datasets = lanes.map((lane, i) => ({
    label: lane,
    data: rows.filter((r) => r.lane === lane).map((r) => ({ x: day(r.day), y: lane, row: r })),
    backgroundColor: lane === "published" ? "#9aa5b1" : colours[i % colours.length],
    pointRadius: 6,
    pointHoverRadius: 8,
  }));
  const xs = rows.map((r) => day(r.day));
  new Chart(canvas, {
    type: "scatter",
    data: { datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { type: "linear", min: Math.min(...xs) - 1, max: Math.max(...xs) + 1, ticks: { stepSize: 1, callback: iso } },
        y: { type: "category", labels: lanes, offset: true },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => iso(items[0].raw.x),
            label: (item) => item.raw.row.label + " — " + item.raw.row.outlets.join(", "),
          },
        },
      },
      onClick: (event, elements) => {
        if (!elements.length) return;
        const row = datasets[elements[0].datasetIndex].data[elements[0].index].row;
        const href = row.cite && row.cite.href;
        if (typeof href === "string" && href.startsWith("/") && !href.startsWith("//")) window.location.assign(href);
      },
    },
  });
})();
