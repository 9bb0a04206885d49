// Shows the latest traffic dashboard snapshot (GET /traffic/dashboard.json) and its charts.
const CHART_TITLES = {
  'daily_traffic.png': 'Daily entries and exits',
  'busiest_stations.png': 'Busiest stations',
  'hourly_profile.png': 'Hour-of-day profile',
  'batch_vs_stream.png': 'Batch vs stream traffic',
};

function count(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US');
}

function addRow(tbody, cells, className) {
  const row = document.createElement('tr');
  if (className) row.className = className;
  cells.forEach(text => {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  });
  tbody.appendChild(row);
}

function body(id) {
  return document.querySelector('#' + id + ' tbody');
}

function show(dashboard) {
  const totals = dashboard.totals || {};
  document.getElementById('summary').textContent = 'Snapshot of the warehouse after its load at '
      + dashboard.generatedAt + '.';
  addRow(body('totals'), ['batch', count(totals.batchEntries), count(totals.batchExits)]);
  addRow(body('totals'), ['stream', count(totals.streamEntries), count(totals.streamExits)]);
  document.getElementById('unknown-intervals').textContent = count(totals.unknownIntervals);
  Object.entries(dashboard.tables || {}).forEach(([table, rows]) =>
    addRow(body('tables'), [table, count(rows)]));
  (dashboard.checks || []).forEach(check =>
    addRow(body('checks'), [check.name, check.passed ? 'passed' : 'FAILED', check.detail || ''],
        check.passed ? 'passed' : 'failed'));
  (dashboard.busiestStations || []).forEach(station =>
    addRow(body('stations'), [station.station, count(station.entries), count(station.exits)]));
  (dashboard.daily || []).forEach(day =>
    addRow(body('daily'), [day.date, day.source, count(day.entries), count(day.exits)]));
  const charts = document.getElementById('charts');
  (dashboard.charts || []).forEach(name => {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.src = '/traffic/charts/' + encodeURIComponent(name);
    img.alt = CHART_TITLES[name] || name;
    img.dataset.chart = name;
    const caption = document.createElement('figcaption');
    caption.textContent = CHART_TITLES[name] || name;
    figure.appendChild(img);
    figure.appendChild(caption);
    charts.appendChild(figure);
  });
  document.getElementById('dashboard').hidden = false;
}

async function init() {
  const summary = document.getElementById('summary');
  try {
    const response = await fetch('/traffic/dashboard.json');
    const answer = await response.json();
    if (response.ok) {
      show(answer);
    } else {
      summary.className = 'empty';
      summary.textContent = response.status === 404
          ? 'No traffic dashboard yet: it appears after the first warehouse load'
              + ' (platform warehouse load).'
          : 'The dashboard could not be read: ' + answer.message;
    }
  } catch (error) {
    summary.textContent = 'The dashboard could not be read: ' + error;
  }
  document.body.dataset.ready = 'true';
}

init();
