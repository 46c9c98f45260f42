// Statistics charts (ECharts). Each chart is a <div class="tx-chart" data-chart="{...}"> written by the server:
// {kind: 'bar'|'line', categories: [...], series: [{name, data}], links: [url per category], stack: bool}.
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
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var animate = !document.documentElement.hasAttribute('data-no-animation');
    chart.setOption({
      animation: animate,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
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
