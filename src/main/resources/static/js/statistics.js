// Statistics charts (ECharts). Each chart is a <div class="tx-chart" data-chart="{...}"> written by the server:
// {kind: 'bar'|'line', categories: [...], series: [{name, data}], links: [url per category], stack: bool,
// horizontal: bool (bars across, categories top down, for long names)}.
// The same figures are in a table next to each chart, for screen readers and for copying.
(function () {
  'use strict';

  function render(el) {
    var spec;
    try {
      spec = JSON.parse(el.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    if (typeof echarts === 'undefined') {
      return;
    }
    var horizontal = !!spec.horizontal;
    if (horizontal) {
      // One bar per line, names on the left in full: the chart grows with the number of agencies.
      el.style.height = Math.max(200, spec.categories.length * 34 + 70) + 'px';
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var animate = !document.documentElement.hasAttribute('data-no-animation');
    var categories = horizontal
      ? { type: 'category', data: spec.categories, inverse: true, axisLabel: { interval: 0, width: 200, overflow: 'break' } }
      : { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } };
    var values = { type: 'value', minInterval: 1 };
    chart.setOption({
      animation: animate,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: horizontal ? { left: 8, right: 24, top: 36, bottom: 16, containLabel: true } : { left: 48, right: 16, top: 36, bottom: 64 },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? categories : values,
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.kind, data: s.data, stack: spec.stack ? 'total' : undefined, smooth: false,
          connectNulls: true, emphasis: { focus: 'series' } };
      })
    });
    if (spec.links && spec.links.length) {
      el.style.cursor = 'pointer';
      chart.on('click', function (params) {
        var link = spec.links[params.dataIndex];
        if (link) {
          window.location.assign(link);
        }
      });
    }
    chart.on('finished', function () {
      el.setAttribute('data-rendered', 'true');
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.tx-chart[data-chart]').forEach(render);
  });
})();
