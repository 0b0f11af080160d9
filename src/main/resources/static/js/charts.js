// The results page's charts, drawn with Apache ECharts (served by the application) on canvas from the aggregated
// figures the page carries in data-charts. Every chart also has a text summary in the page for screen readers.
(function () {
    "use strict";
    var holder = document.getElementById("charts");
    if (!holder || !window.echarts) return;
    var request = new XMLHttpRequest();
    request.open("GET", holder.getAttribute("data-charts-url"));
    request.setRequestHeader("Accept", "application/json");
    request.addEventListener("load", function () {
        if (request.status === 200) draw(JSON.parse(request.responseText));
        else summaries("The charts could not be loaded (HTTP " + request.status + "); reload the page to try again.");
    });
    request.addEventListener("error", function () { summaries("The charts could not be loaded; reload the page to try again."); });
    request.send();

    function summaries(text) {
        ["chart-bands-summary", "chart-anchors-summary", "chart-ratio-summary"].forEach(function (id) {
            document.getElementById(id).textContent = text;
        });
    }

    function draw(data) {
    // Band colours: each at least 3:1 against the white chart background.
    var BAND_COLOURS = { STRONG_BUY: "#1b6e35", BUY: "#3f7f1f", HOLD: "#8a6a00", REDUCE: "#b4510f", AVOID: "#b3261e" };
    var INK = "#1d2430", MUTED = "#4a5363", GRID = "#d9dee7";
    var axisText = { color: INK, fontSize: 12 };
    var charts = [];
    document.getElementById("chart-bands-summary").textContent = data.bandsSummary;
    document.getElementById("chart-anchors-summary").textContent = data.anchorSummary;
    document.getElementById("chart-ratio-summary").textContent = data.ratioSummary;

    function chart(id, option) {
        var element = document.getElementById(id);
        if (!element) return;
        var c = window.echarts.init(element, null, { renderer: "canvas" });
        option.animation = false;
        option.textStyle = { color: INK, fontFamily: "system-ui, sans-serif" };
        c.setOption(option);
        element.setAttribute("data-rendered", "true");
        charts.push(c);
    }

    function axisName(name, gap) {
        return { name: name, nameLocation: "middle", nameGap: gap, nameTextStyle: { color: INK, fontSize: 12 } };
    }

    // 1. Companies per band: horizontal bars, labels outside the bars, room for the longest band name.
    chart("chart-bands", {
        grid: { left: 95, right: 60, top: 10, bottom: 40 },
        tooltip: { trigger: "item" },
        xAxis: Object.assign({ type: "value", minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: GRID } } },
            axisName("companies", 26)),
        yAxis: { type: "category", inverse: true, data: data.bands.map(function (b) { return b.label; }), axisLabel: axisText },
        series: [{
            type: "bar", name: "companies",
            data: data.bands.map(function (b) { return { value: b.count, itemStyle: { color: BAND_COLOURS[b.band] } }; }),
            label: { show: true, position: "right", color: INK }
        }]
    });

    // 2. Score against moat anchors: a heat map of how many companies fall in each cell, readable at any size.
    var most = Math.max(1, Math.max.apply(null, data.anchorScore.map(function (c) { return c.count; })));
    var scoreLabels = [];
    for (var s = 0; s <= 100; s += data.scoreBin) scoreLabels.push(s === 100 ? "100" : s + "–" + (s + data.scoreBin - 1));
    chart("chart-anchors", {
        grid: { left: 70, right: 20, top: 10, bottom: 90 },
        tooltip: {
            formatter: function (p) { return p.value[2] + " companies with " + p.value[0] + " moat anchors, score " + scoreLabels[p.value[1]]; }
        },
        xAxis: Object.assign({ type: "category", data: ["0", "1", "2", "3"], axisLabel: axisText, splitArea: { show: false } },
            axisName("moat anchors held (of 3)", 26)),
        yAxis: Object.assign({ type: "category", data: scoreLabels, axisLabel: axisText }, axisName("score", 55)),
        visualMap: {
            min: 0, max: most, calculable: false, orient: "horizontal", left: "center", bottom: 0, itemHeight: 140,
            text: [most + " companies", "0"], textStyle: { color: INK },
            inRange: { color: ["#f2f5fa", "#7aa6e0", "#1f4f99", "#0b2552"] }
        },
        series: [{
            type: "heatmap", name: "companies",
            data: data.anchorScore.map(function (c) { return [c.anchors, c.scoreFrom / data.scoreBin, c.count]; }),
            label: { show: true, formatter: function (p) { return p.value[2] > 0 ? p.value[2] : ""; }, color: INK, textBorderColor: "#fff", textBorderWidth: 2 },
            itemStyle: { borderColor: "#fff", borderWidth: 1 }
        }]
    });

    // 3. The volume/deflation ratio as a distribution, with the rules' required multiple as a line.
    var below = [], meets = [];
    data.ratios.forEach(function (b) {
        var centre = b.to === null ? b.from + data.ratioBin / 2 : (b.from + b.to) / 2;
        (b.meets ? meets : below).push([centre, b.count, b.to === null ? b.from + "x or more" : b.from + "–" + b.to + "x"]);
    });
    var line = data.requiredMultiple;
    var lineName = line === null ? null : (Math.round(line * 100) / 100) + "x required by the rules";
    chart("chart-ratio", {
        grid: { left: 60, right: 25, top: 40, bottom: 50 },
        legend: { top: 0, textStyle: { color: INK } },
        tooltip: { trigger: "item", formatter: function (p) { return p.value[1] + " companies at " + p.value[2]; } },
        xAxis: Object.assign({
            type: "value", min: 0, max: data.ratioBin * data.ratios.length, interval: data.ratioBin * 2, axisLabel: Object.assign({
                formatter: function (v) { return (Math.round(v * 100) / 100) + "x"; } }, axisText),
            splitLine: { show: false }
        }, axisName("volume growth ÷ price deflation (last bar: or more)", 30)),
        yAxis: Object.assign({ type: "value", minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: GRID } } },
            axisName("companies", 45)),
        series: [
            { type: "bar", name: line === null ? "companies" : "below the line", data: below, barWidth: "95%", barGap: "-100%",
              itemStyle: { color: "#b4510f" },
              markLine: line === null ? undefined : {
                  symbol: "none", silent: true, lineStyle: { color: INK, type: "dashed", width: 2 },
                  label: { formatter: lineName, color: INK, position: "insideEndTop" }, data: [{ xAxis: line }] } },
            { type: "bar", name: "at or above the line", data: meets, barWidth: "95%", barGap: "-100%", itemStyle: { color: "#1f5fbf" } }
        ]
    });

    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
    holder.setAttribute("data-ready", "true");
    }
})();
