// Fills the metrics table from GET /model.
function cell(value) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(4);
}

async function init() {
  const response = await fetch('/model');
  const model = await response.json();
  document.getElementById('summary').textContent = 'Serving ' + model.serving_model
      + ' (bundle ' + model.version_id + ', created ' + model.created_at + '), decision threshold '
      + Number(model.threshold).toFixed(3) + '.';
  const rows = document.querySelector('#metrics tbody');
  Object.entries(model.models).forEach(([name, metrics]) => {
    const test = metrics.test_at_threshold || {};
    const row = document.createElement('tr');
    if (name === model.serving_model) row.className = 'serving';
    [name, cell(metrics.threshold), cell(metrics.validation && metrics.validation.f1),
      cell(test.accuracy), cell(test.precision), cell(test.recall), cell(test.f1),
      cell(test.roc_auc), cell(test.brier)].forEach(text => {
      const td = document.createElement('td');
      td.textContent = text;
      row.appendChild(td);
    });
    rows.appendChild(row);
  });
  document.body.dataset.ready = 'true';
}

init();
