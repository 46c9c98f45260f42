// Tongxin page behaviour: no inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // Controls that need script (.tx-js-only) show once it runs.
  document.documentElement.classList.add('tx-js');

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  // Destructive actions ask first: <form data-confirm="...">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // Copy buttons: <button data-copy="#id">.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.querySelector(button.dataset.copy);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.dataset.copied || button.textContent;
      });
    }
  });

  // Error summary (fragments/fields :: summary): the page title says there is a problem, a general message ("必填")
  // is preceded by its field's label, the lines follow the order of the fields, and the summary takes the focus so a
  // screen reader reads it first. A link moves the focus to its field and shows the field's label above it.
  function fieldOf(link) {
    var id = decodeURIComponent(link.hash.slice(1));
    var target = document.getElementById(id);
    if (!target && link.dataset.field) {
      target = document.querySelector('[name="' + link.dataset.field.replace(/"/g, '') + '"]');
    }
    var controls = 'input:not([type=hidden]), select, textarea';
    if (target && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
      // A group (fieldset, list of rows) or an anchor beside a control: its first control.
      var box = target.querySelector(controls) ? target : target.closest('.tx-field');
      target = (box && box.querySelector(controls)) || target;
    }
    return target;
  }

  function labelOf(field) {
    var label = field.id ? document.querySelector('label[for="' + CSS.escape(field.id) + '"]') : null;
    if (!label) {
      var group = field.closest('fieldset');
      label = group ? group.querySelector('legend') : null;
    }
    if (!label) { return null; }
    var copy = label.cloneNode(true);
    copy.querySelectorAll('.tx-optional, .visually-hidden').forEach(function (n) { n.remove(); });
    return copy.textContent.trim();
  }

  function prepareSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) { return; }
    if (summary.dataset.titlePrefix && document.title.indexOf(summary.dataset.titlePrefix) !== 0) {
      document.title = summary.dataset.titlePrefix + document.title;
    }
    var list = summary.querySelector('ul');
    var items = Array.prototype.slice.call(list.children);
    var placed = items.map(function (item, index) {
      var link = item.querySelector('a[href^="#"]');
      var field = link ? fieldOf(link) : null;
      if (link && field && link.dataset.general) {
        var label = labelOf(field);
        var separator = document.documentElement.lang.indexOf('zh') === 0 ? '：' : ': ';
        if (label && link.textContent.indexOf(label) < 0) {
          link.textContent = label + separator + link.textContent;
        }
      }
      return { item: item, field: field, index: index };
    });
    placed.sort(function (a, b) {
      if (!a.field || !b.field) { return (a.field ? 1 : 0) - (b.field ? 1 : 0) || a.index - b.index; }
      if (a.field === b.field) { return a.index - b.index; }
      return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    placed.forEach(function (p) { list.appendChild(p.item); });
    summary.focus();
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest('[data-error-summary] a[href^="#"]');
    if (!link) { return; }
    var field = fieldOf(link);
    if (!field) { return; }
    event.preventDefault();
    var details = field.closest('details');
    if (details && !details.open) { details.open = true; }
    var label = field.id ? document.querySelector('label[for="' + CSS.escape(field.id) + '"]') : null;
    var legend = field.closest('fieldset') ? field.closest('fieldset').querySelector('legend') : null;
    (label || legend || field).scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  });

  ready(prepareSummary);

  // "Add a row" (progressive enhancement): a list of rows (<div data-rows="members"> with <div data-row> children and a
  // hidden <button data-add-row> inside it, or anywhere with data-add-row="<the list's id>", e.g. for a table body) shows its filled rows and one empty row; the button shows the next row the page
  // already has, or copies the last one with the next index (members[5].name), and focuses it. Without script every
  // row the page has stays visible and the button hidden.
  var CONTROLS = 'input:not([type=hidden]):not([type=button]), select, textarea';

  function rowIsEmpty(row) {
    if (row.querySelector('.is-invalid')) { return false; }
    return Array.prototype.every.call(row.querySelectorAll(CONTROLS), function (c) {
      if (c.type === 'checkbox' || c.type === 'radio') { return !c.checked; }
      return !c.value;
    });
  }

  function renumber(node, list, from, to) {
    var pattern = new RegExp(list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\[' + from + '\\]', 'g');
    var replacement = list + '[' + to + ']';
    ['id', 'name', 'for', 'aria-describedby', 'data-field'].forEach(function (attribute) {
      node.querySelectorAll('[' + attribute + ']').forEach(function (el) {
        el.setAttribute(attribute, el.getAttribute(attribute).replace(pattern, replacement));
      });
    });
    var count = new RegExp('(^|\\D)' + (from + 1) + '(?!\\d)');
    node.querySelectorAll('label, legend').forEach(function (label) {
      label.childNodes.forEach(function (text) {
        if (text.nodeType === Node.TEXT_NODE) { text.textContent = text.textContent.replace(count, '$1' + (to + 1)); }
      });
      label.querySelectorAll('*').forEach(function (child) {
        child.childNodes.forEach(function (text) {
          if (text.nodeType === Node.TEXT_NODE) { text.textContent = text.textContent.replace(count, '$1' + (to + 1)); }
        });
      });
    });
  }

  function copyRow(last, list) {
    var rows = last.parentNode.querySelectorAll(':scope > [data-row]');
    var index = rows.length - 1;
    var copy = last.cloneNode(true);
    renumber(copy, list, index, index + 1);
    copy.querySelectorAll('.invalid-feedback').forEach(function (n) { n.remove(); });
    copy.querySelectorAll('.is-invalid').forEach(function (n) { n.classList.remove('is-invalid'); });
    copy.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
    copy.querySelectorAll('[aria-describedby]').forEach(function (n) {
      var ids = n.getAttribute('aria-describedby').split(' ').filter(function (id) { return !/-(error|hint)$/.test(id); });
      if (ids.length) { n.setAttribute('aria-describedby', ids.join(' ')); } else { n.removeAttribute('aria-describedby'); }
    });
    copy.querySelectorAll('.form-text').forEach(function (n) { n.remove(); });
    copy.querySelectorAll(CONTROLS).forEach(function (c) {
      if (c.tagName === 'SELECT') { c.selectedIndex = 0; } else if (c.type === 'checkbox' || c.type === 'radio') { c.checked = false; } else { c.value = ''; }
    });
    last.after(copy);
    return copy;
  }

  function prepareRows(list) {
    var button = list.querySelector(':scope > [data-add-row]')
        || (list.id ? document.querySelector('[data-add-row="' + list.id + '"]') : null);
    if (!button) { return; }
    var rows = Array.prototype.slice.call(list.querySelectorAll(':scope > [data-row]'));
    var lastFilled = -1;
    rows.forEach(function (row, i) { if (!rowIsEmpty(row)) { lastFilled = i; } });
    rows.forEach(function (row, i) { row.hidden = i > lastFilled + 1; });
    button.hidden = false;
    button.addEventListener('click', function () {
      var next = list.querySelector(':scope > [data-row][hidden]');
      if (next) {
        next.hidden = false;
      } else {
        var all = list.querySelectorAll(':scope > [data-row]');
        next = copyRow(all[all.length - 1], list.dataset.rows);
      }
      var first = next.querySelector(CONTROLS);
      if (first) { first.focus(); }
    });
  }

  function prepareAllRows() {
    document.querySelectorAll('[data-rows]').forEach(prepareRows);
  }

  ready(prepareAllRows);

  // Dependent lists: <select data-filter-by="service"> offers only the options whose data-filter-key matches that of the
  // option chosen in #service (every option while nothing is chosen there); an option without a key (the empty choice)
  // always stays. The server checks the pair again.
  function prepareFilter(target) {
    var source = document.getElementById(target.dataset.filterBy);
    if (!source) { return; }
    var all = Array.prototype.slice.call(target.options);
    function apply() {
      var chosen = source.options[source.selectedIndex];
      var key = chosen ? chosen.dataset.filterKey : null;
      var current = target.value;
      while (target.options.length) { target.remove(0); }
      all.forEach(function (option) {
        if (!key || !option.dataset.filterKey || option.dataset.filterKey === key) { target.add(option); }
      });
      var kept = Array.prototype.some.call(target.options, function (o) { return o.value === current; });
      target.value = kept ? current : '';
    }
    source.addEventListener('change', apply);
    apply();
  }

  function prepareAllFilters() {
    document.querySelectorAll('select[data-filter-by]').forEach(prepareFilter);
  }

  ready(prepareAllFilters);

  // Searchable lists: <input data-search-options="id"> shows only the options of <select multiple id="id"> whose text
  // holds what is typed; chosen options always stay shown, so a choice never disappears from sight.
  function prepareSearch(input) {
    var list = document.getElementById(input.dataset.searchOptions);
    if (!list) { return; }
    input.addEventListener('input', function () {
      var q = input.value.trim();
      Array.prototype.forEach.call(list.options, function (o) {
        o.hidden = q !== '' && !o.selected && o.text.indexOf(q) < 0;
      });
    });
  }

  ready(function () { document.querySelectorAll('input[data-search-options]').forEach(prepareSearch); });

  // Sortable tables: <table data-sortable> whose <th data-sort="number|text"> headings become buttons; a cell may give
  // its value in data-value (an empty value sorts last). aria-sort tells which column orders the rows and how.
  function prepareSortable(table) {
    var headings = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var body = table.tBodies[0];
    if (!body) { return; }
    headings.forEach(function (th, column) {
      if (!th.dataset.sort) { return; }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'tx-sort-button';
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') !== 'descending';
        headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var rows = Array.prototype.slice.call(body.rows);
        var value = function (row) {
          var cell = row.cells[column];
          var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
          if (th.dataset.sort === 'number') { return raw === '' ? null : parseFloat(raw); }
          return raw;
        };
        rows.sort(function (a, b) {
          var x = value(a);
          var y = value(b);
          if (x === null || x === '' || (typeof x === 'number' && isNaN(x))) { return 1; }
          if (y === null || y === '' || (typeof y === 'number' && isNaN(y))) { return -1; }
          var order = typeof x === 'number' ? x - y : x.localeCompare(y, document.documentElement.lang);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  ready(function () { document.querySelectorAll('table[data-sortable]').forEach(prepareSortable); });

  // Lists shown as cards on a phone (table.tx-cards, see tongxin.css): each cell is labelled with its column's heading.
  // A cell spanning rows (a case with several lines) stays with the first.
  function labelCells(table) {
    var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.replace(/\s+/g, ' ').trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = headings.length - row.cells.length;
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          var index = column > 0 && row.cells.length < headings.length ? i + column : i;
          if (!cell.hasAttribute('data-label') && headings[index]) { cell.setAttribute('data-label', headings[index]); }
        });
      });
    });
  }

  ready(function () { document.querySelectorAll('table.tx-cards').forEach(labelCells); });

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
