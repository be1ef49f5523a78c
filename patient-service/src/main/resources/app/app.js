// CAR-T Companion for patients and caregivers: sign in, join with an invitation's code, check in, see what to do.
// Plain DOM, no framework; every value from the server is set as text, never as HTML. Screens live in the URL's fragment
// (#/join/<code>, #/check-in/<patientId>), so an invitation's code never reaches a server's log.
(function () {
  'use strict';

  var session = window.CartSignIn({
    config: '/app/sign-in', home: '/app/', key: 'cart-companion-app', storage: localStorage,
    onSignedOut: function () { signIn('Your session has ended. Sign in again.'); }
  });
  // The check-in's symptom codes (API.md), red flags first; the check-in form endpoint will provide them per phase.
  var SYMPTOMS = [
    ['UNRESPONSIVE', 'Cannot be woken', true], ['SEIZURE', 'A seizure', true],
    ['BREATHLESS_AT_REST', 'Short of breath at rest or when talking', true], ['CHEST_PAIN', 'Chest pain', true],
    ['FAINTED', 'Fainted', true], ['FACE_THROAT_SWELLING', 'Swelling of the face or throat', true],
    ['CONFUSION', 'Confused', true], ['ONE_SIDED_WEAKNESS', 'Weakness on one side', true],
    ['FACIAL_DROOP', 'Face drooping', true], ['RIGORS', 'Shaking chills', true],
    ['SOMETHING_SERIOUSLY_WRONG', 'Something seems seriously wrong', true],
    ['WORD_FINDING_DIFFICULTY', 'Trouble finding words'], ['HANDWRITING_CHANGE', 'Handwriting has changed'],
    ['UNUSUAL_SLEEPINESS', 'Unusually sleepy'], ['TREMOR', 'Shaking hands (tremor)'], ['SEVERE_HEADACHE', 'Severe headache'],
    ['STIFF_NECK', 'Stiff neck'], ['DIZZY_ON_STANDING', 'Dizzy when standing up'],
    ['BREATHLESS_ON_EXERTION', 'Short of breath when active'], ['COUGH', 'Cough'],
    ['RUNNY_NOSE_SORE_THROAT', 'Runny nose or sore throat'], ['FEELS_UNWELL', 'Feeling unwell'],
    ['VOMITING_CANNOT_KEEP_FLUIDS', 'Vomiting, cannot keep fluids down'],
    ['NOT_EATING_DRINKING_24H', 'Not eating or drinking for a day'], ['BURNING_URINATION', 'Burning when passing urine'],
    ['BLEEDING', 'Bleeding'], ['BLISTER_RASH', 'A rash with blisters'], ['NEW_RASH', 'A new rash'],
    ['LINE_SITE_REDNESS', 'Redness where the line goes in'], ['MOUTH_SORES', 'Mouth sores'],
    ['CANNOT_SWALLOW', 'Cannot swallow'], ['SLOW_MOVEMENT', 'Moving slowly'], ['NUMBNESS_TINGLING', 'Numbness or tingling'],
    ['ASCENDING_WEAKNESS', 'Weakness spreading up the legs'], ['FATIGUE_SEVERE', 'Very tired'],
    ['INFECTION_EXPOSURE', 'Near someone with an infection'], ['MISSED_PROPHYLAXIS_DOSE', 'Missed a dose of a preventive medicine'],
    ['WANTS_TO_TALK_NOW', 'I want to talk to my care team now']
  ];
  var TITLES = {
    EMERGENCY: 'Call 911 now', CENTER_NOW: 'Call your CAR-T center now', CENTER_SAME_DAY: 'Call your CAR-T center today',
    COMMUNITY_24H: 'See your doctor within a day', SELF_CARE: 'Thank you: nothing more to do now'
  };
  var me = null;
  var idempotencyKey = null; // made when the form opens, so a resend of the same check-in is stored once

  var $ = window.CartPage.byId;
  var el = window.CartPage.el;
  var clear = window.CartPage.clear;

  // 128 random bits as hex: crypto.randomUUID exists only on secure (https or localhost) addresses.
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var hex = '';
    for (var i = 0; i < bytes.length; i++) { hex += ('0' + bytes[i].toString(16)).slice(-2); }
    return hex;
  }

  function showError(message) { $('error').textContent = message || ''; $('error').hidden = !message; }

  function show(id) {
    ['sign-in', 'join', 'home', 'check-in', 'result'].forEach(function (s) { $(s).hidden = s !== id; });
    $('sign-out').hidden = id === 'sign-in';
  }

  function api(path, options) { return session.api(path, options); }

  // --- Screens ---------------------------------------------------------------------------------------------------------

  function signIn(message) {
    me = null;
    signInScreen.show();
    show('sign-in');
    showError(message);
  }

  function join(code) {
    show('join');
    $('code').value = code || '';
  }

  function home() {
    show('home');
    var box = $('patients');
    clear(box);
    if (me.patients.length === 0) { join(''); return; }
    $('home-title').textContent = me.patients.length > 1 ? 'Who are you checking in for?' : 'Your check-in';
    me.patients.forEach(function (p) {
      var card = el('div', null, 'card');
      card.appendChild(el('h2', p.displayName));
      card.appendChild(el('div', 'Day ' + p.dayPostInfusion + ' after your CAR-T infusion', 'muted'));
      if (p.center) { card.appendChild(el('div', p.center.name + ' · ' + p.center.phone, 'muted')); }
      var go = el('a', 'Check in now', 'button');
      go.href = '#/check-in/' + p.id;
      go.setAttribute('data-patient', p.id);
      card.appendChild(go);
      box.appendChild(card);
    });
  }

  function checkIn(patientId) {
    var patient = me.patients.filter(function (p) { return p.id === patientId; })[0];
    if (!patient) { location.hash = '#/'; return; }
    show('check-in');
    $('check-in-title').textContent = me.patients.length > 1 ? 'Check in for ' + patient.displayName : 'Check in';
    $('check-in-form').reset();
    $('send').disabled = false;
    idempotencyKey = newKey();
    var box = $('symptoms');
    clear(box);
    SYMPTOMS.forEach(function (s) {
      var label = el('label', null, s[2] ? 'red' : '');
      var box2 = el('input');
      box2.type = 'checkbox';
      box2.value = s[0];
      label.appendChild(box2);
      label.appendChild(document.createTextNode(s[1]));
      box.appendChild(label);
    });
    $('check-in-form').onsubmit = function (event) {
      event.preventDefault();
      var body = { recordedAt: new Date().toISOString() };
      var value = $('temperature').value;
      if (value !== '') { body.temperature = { value: Number(value), unit: $('unit').value }; }
      body.symptoms = Array.prototype.map.call(box.querySelectorAll('input:checked'), function (i) { return i.value; });
      if ($('note').value.trim()) { body.note = $('note').value.trim(); }
      $('send').disabled = true;
      api('/api/v1/patients/' + encodeURIComponent(patient.id) + '/check-ins',
        { method: 'POST', body: body, headers: { 'Idempotency-Key': idempotencyKey } })
        .then(function (answer) { showError(''); result(answer, patient); })
        .catch(function (e) { $('send').disabled = false; showError(e.message); });
    };
  }

  function result(answer, patient) {
    show('result');
    var triage = answer.triage;
    $('result-title').textContent = TITLES[triage.disposition] || triage.disposition;
    var instructions = $('result-instructions');
    instructions.textContent = triage.instructions;
    instructions.className = 'instructions d-' + triage.disposition;
    instructions.setAttribute('data-disposition', triage.disposition);
    var call = $('result-call');
    call.hidden = !triage.callNumber || triage.disposition === 'SELF_CARE';
    if (triage.callNumber) {
      call.href = 'tel:' + triage.callNumber;
      call.textContent = 'Call ' + triage.callNumber;
    }
    $('result-alert').textContent = answer.alertRequested
      ? 'Your care team at ' + (patient.center ? patient.center.name : 'your center') + ' has been told and will call you back.'
      : '';
  }

  // --- Navigation ----------------------------------------------------------------------------------------------------------

  function route() {
    showError('');
    var parts = location.hash.replace(/^#\/?/, '').split('/');
    if (!session.token()) { signIn(); return; }
    if (parts[0] === 'join') { join(parts[1] ? decodeURIComponent(parts[1]) : ''); return; }
    var load = me ? Promise.resolve(me) : api('/api/v1/me').then(function (who) { me = who; return who; });
    load.then(function () {
      if (parts[0] === 'check-in' && parts[1]) { checkIn(parts[1]); } else { home(); }
    }).catch(function (e) { if (!session.token()) { signIn(e.message); } else { showError(e.message); } });
  }

  var signInScreen = session.screen(function () { route(); }, showError);

  $('join-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var code = $('code').value.trim();
    api('/api/v1/invitations/' + encodeURIComponent(code) + '/accept', { method: 'POST' }).then(function (joined) {
      me = null;
      location.hash = joined.role === 'CAREGIVER' ? '#/' : '#/check-in/' + joined.patientId;
    }).catch(function (e) {
      showError(e.status === 410 ? 'This invitation can no longer be used. Ask your care team for a new one.'
        : e.status === 404 ? 'We do not know that code. Check it and try again.' : e.message);
    });
  });

  $('sign-out').addEventListener('click', function () {
    me = null;
    if (!session.signOut()) { location.hash = '#/'; signIn(); }
  });

  window.addEventListener('hashchange', route);
  session.ready().then(route).catch(function (e) { signIn(e.message); });
}());
