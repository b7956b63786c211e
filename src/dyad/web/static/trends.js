// Draws the trends chart from the page's own table with plotly (served from the installed
// package); clicking a point opens the events of that month.
(function () {
  "use strict";
  var chart = document.getElementById("chart");
  if (!chart || typeof Plotly === "undefined") { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#trend-data tbody tr[data-month]"));
  var months = rows.map(function (r) { return r.dataset.month; });
  var names = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  var traces = names.map(function (n, i) {
    return { type: "bar", name: n, x: months,
             y: rows.map(function (r) { return Number(r.dataset["q" + (i + 1)]); }) };
  });
  traces.push({ type: "scatter", mode: "lines+markers", name: "mean Goldstein", yaxis: "y2", x: months,
                y: rows.map(function (r) { return Number(r.dataset.goldstein); }) });
  Plotly.newPlot(chart, traces, { barmode: "stack", yaxis: { title: "events" },
    yaxis2: { title: "Goldstein", overlaying: "y", side: "right", range: [-10, 10] },
    margin: { t: 20 } }, { displaylogo: false, responsive: true });
  var base = chart.dataset.base;
  chart.on("plotly_click", function (ev) {
    var row = rows[ev.points[0].pointIndex];
    window.location.href = "/events?" + (base ? base + "&" : "") + "since=" + row.dataset.since +
      "&until=" + row.dataset.until;
  });
}());
