(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trial-data').textContent);
  var NAMES = { H: 'yes', M: 'no', U: 'unjudged', E: 'errored', O: 'outside' };
  var ORDER = { H: 0, U: 1, E: 2, M: 3, O: 4 };
  var PAGE = 500;
  var limit = PAGE;
  var ES = data.metrics.indexOf('ESR'), RAI = data.metrics.indexOf('RAIR-all'),
      RAC = data.metrics.indexOf('RACR-all'), RS = data.metrics.indexOf('RSR');
  var body = document.getElementById('trial-rows');
  var head = document.getElementById('trial-metric-head');
  var summary = document.getElementById('trial-summary');
  var filterText = document.getElementById('trial-filter');
  var more = document.getElementById('trial-more');

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function query() {
    var h = location.hash;
    if (h !== '#trials' && h.indexOf('#trials?') !== 0) return null;
    return new URLSearchParams(h.indexOf('?') < 0 ? '' : h.slice(h.indexOf('?') + 1));
  }

  function render(q) {
    var metric = q.has('metric') ? data.metrics.indexOf(q.get('metric')) : -1;
    var members = null;
    if (q.has('set')) {
      members = {};
      (data.sets[q.get('set')] || []).forEach(function (i) { members[i] = true; });
    }
    var counts = { H: 0, M: 0, U: 0, E: 0, O: 0 };
    var rows = [];
    for (var i = 0; i < data.trials.length; i++) {
      var t = data.trials[i], s = data.scenarios[t[1]], c = data.conditions[t[3]];
      if (members !== null && !members[i]) continue;
      if (q.has('model') && data.models[t[2]] !== q.get('model')) continue;
      var tag = data.tags ? data.tags[t[2]] : null;
      if (q.has('tagged') && (tag ? '1' : '0') !== q.get('tagged')) continue;
      if (q.has('family') && (!tag || tag[0] !== q.get('family'))) continue;
      if (q.has('access') && (!tag || tag[1] !== q.get('access'))) continue;
      if (q.has('scenario') && s[0] !== q.get('scenario')) continue;
      if (q.has('motive') && s[1] !== q.get('motive')) continue;
      if (q.has('risk') && s[2] !== q.get('risk')) continue;
      if (q.has('control') && String(s[3]) !== q.get('control')) continue;
      var ok = true;
      for (var f = 0; f < data.factors.length; f++) {
        if (q.has(data.factors[f]) && c[f] !== q.get(data.factors[f])) { ok = false; break; }
      }
      if (!ok) continue;
      if (metric >= 0) {
        var m = t[5].charAt(metric);
        counts[m]++;
        if (m === 'O') continue;
      }
      rows.push(i);
    }
    if (metric >= 0) {
      rows.sort(function (a, b) {
        return ORDER[data.trials[a][5].charAt(metric)] - ORDER[data.trials[b][5].charAt(metric)] || a - b;
      });
    }
    var parts = [];
    q.forEach(function (v, k) { parts.push(k + ' = ' + v); });
    filterText.textContent = parts.length ? parts.join(', ') : 'all analysed trials';
    var text = rows.length + ' trial(s) listed.';
    if (q.has('metric') && metric < 0) text += ' Unknown metric ' + q.get('metric') + '.';
    if (metric >= 0) {
      var n = counts.H + counts.M;
      text += ' ' + data.metrics[metric] + ': ' + counts.H + ' of ' + n + ' counted trials are yes; ' + counts.U +
        ' unjudged and ' + counts.E + ' errored (not in n); ' + counts.O + ' outside the population (not listed).';
    }
    summary.textContent = text;
    head.textContent = metric >= 0 ? data.metrics[metric] : '';
    while (body.firstChild) body.removeChild(body.firstChild);
    var shown = Math.min(rows.length, limit);
    for (var r = 0; r < shown; r++) {
      var tr = data.trials[rows[r]], sc = data.scenarios[tr[1]], co = data.conditions[tr[3]];
      var row = document.createElement('tr');
      var first = document.createElement('td');
      if (tr[6] === 1) {
        var a = document.createElement('a');
        a.href = '#trial-' + tr[0];
        a.textContent = tr[0];
        first.appendChild(a);
      } else {
        first.textContent = tr[0] + ' (not embedded)';
      }
      row.appendChild(first);
      cell(row, sc[0]);
      cell(row, data.models[tr[2]]);
      var cond = [];
      for (var k = 0; k < data.factors.length; k++) if (co[k] !== 'none') cond.push(data.factors[k] + '=' + co[k]);
      cell(row, cond.join(', '));
      cell(row, String(tr[4]));
      cell(row, NAMES[tr[5].charAt(ES)]);
      cell(row, NAMES[tr[5].charAt(RAI)]);
      cell(row, NAMES[tr[5].charAt(RAC)]);
      cell(row, NAMES[tr[5].charAt(RS)]);
      cell(row, metric >= 0 ? NAMES[tr[5].charAt(metric)] : '');
      body.appendChild(row);
    }
    more.hidden = shown >= rows.length;
    more.textContent = 'Show all ' + rows.length;
  }

  var current = new URLSearchParams('');

  function show() {
    var q = query();
    if (q === null) return;
    current = q;
    limit = PAGE;
    render(q);
    document.getElementById('trials').scrollIntoView();
  }

  more.addEventListener('click', function () { limit = Infinity; render(current); });
  window.addEventListener('hashchange', show);
  render(current);
  show();
})();
