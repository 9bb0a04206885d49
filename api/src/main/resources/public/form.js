// Builds the form from the model's input schema (GET /model) and posts one record to /predict.
const LABELS = {
  bmi: 'Body mass index', smoking: 'Smoked 100+ cigarettes', alcoholdrinking: 'Heavy drinker',
  stroke: 'Ever had a stroke', physicalhealth: 'Days of poor physical health (of 30)',
  mentalhealth: 'Days of poor mental health (of 30)', diffwalking: 'Difficulty walking',
  sex: 'Sex', agecategory: 'Age', race: 'Race', diabetic: 'Diabetic',
  physicalactivity: 'Physically active (last 30 days)', genhealth: 'General health',
  sleeptime: 'Hours of sleep a day', asthma: 'Asthma', kidneydisease: 'Kidney disease',
  skincancer: 'Skin cancer'
};

function fieldInput(field) {
  const label = document.createElement('label');
  label.textContent = LABELS[field.name] || field.name;
  let input;
  if (field.kind === 'number') {
    input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.placeholder = field.min + ' to ' + field.max;
  } else {
    input = document.createElement('select');
    field.values.forEach(value => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      input.appendChild(option);
    });
  }
  input.name = field.name;
  input.id = 'field-' + field.name;
  label.appendChild(input);
  return label;
}

function record(form, schema) {
  const result = {};
  schema.forEach(field => {
    const raw = form.elements[field.name].value.trim();
    if (field.kind === 'number') {
      result[field.name] = raw === '' ? null : Number(raw);
    } else {
      result[field.name] = raw;
    }
  });
  return result;
}

function show(id, visible) { document.getElementById(id).hidden = !visible; }

async function submit(event, model) {
  event.preventDefault();
  show('result', false);
  show('errors', false);
  // explanations only from a model that gives them (XGBoost), else the answer would be an error
  const response = await fetch(model.explains ? '/predict?explain=true' : '/predict', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([record(event.target, model.schema)])
  });
  const body = await response.json();
  if (!response.ok) {
    const list = document.getElementById('error-list');
    list.replaceChildren();
    const errors = body.errors || [{ field: null, message: body.message || response.statusText }];
    errors.forEach(error => {
      const item = document.createElement('li');
      item.textContent = (error.field ? (LABELS[error.field] || error.field) + ': ' : '') + error.message;
      list.appendChild(item);
    });
    show('errors', true);
    return;
  }
  const prediction = body[0];
  document.getElementById('risk-score').textContent = (prediction.risk_score * 100).toFixed(1) + '%';
  document.getElementById('risk-label').textContent = prediction.risk_label;
  const factors = document.getElementById('factors');
  factors.replaceChildren();
  (prediction.top_factors || []).forEach(factor => {
    const item = document.createElement('li');
    const direction = factor.contribution >= 0 ? 'raises' : 'lowers';
    item.textContent = (LABELS[factor.field] || factor.field) + ' ' + direction + ' the risk ('
        + factor.contribution.toFixed(3) + ' log-odds)';
    factors.appendChild(item);
  });
  show('factors-section', model.explains);
  document.getElementById('no-factors').textContent = model.explains ? ''
      : 'The serving model (' + model.serving_model + ') does not explain its scores.';
  show('result', true);
}

async function init() {
  const response = await fetch('/model');
  const model = await response.json();
  const container = document.getElementById('fields');
  model.schema.forEach(field => container.appendChild(fieldInput(field)));
  document.getElementById('risk-form')
      .addEventListener('submit', event => submit(event, model));
  document.body.dataset.ready = 'true';
}

init();
