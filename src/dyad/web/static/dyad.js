// dyad's own script: lays the chronology's ticks out along the time axis.
(function () {
  "use strict";
  var line = document.getElementById("timeline");
  if (!line) { return; }
  var ticks = line.querySelectorAll(".tick");
  if (!ticks.length) { return; }
  var times = Array.prototype.map.call(ticks, function (t) { return Date.parse(t.dataset.date); });
  var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
  Array.prototype.forEach.call(ticks, function (t, i) {
    var x = hi > lo ? (times[i] - lo) / (hi - lo) : 0.5;
    t.style.left = (x * 98).toFixed(2) + "%";
  });
}());
