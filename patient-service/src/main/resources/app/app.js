// CAR-T Companion for patients and caregivers: sign in, join with an invitation's code, check in, see what to do.
// Plain DOM, no framework; every value from the server is set as text, never as HTML. Screens live in the URL's fragment
// (#/join/<code>, #/check-in/<patientId>), so an invitation's code never reaches a server's log.
(function () {
  'use strict';

  var session = window.CartSignIn({
    config: '/app/sign-in', home: '/app/', key: 'cart-companion-app', storage: localStorage,
    onSignedOut: function () { signIn(t('ended')); }
  });
  // The app's own words in English and Spanish; the questions, instructions and alert messages come from the server.
  var TEXT = {
    en: {
      welcome: 'Welcome', signIn: 'Sign in', accessToken: 'Access token', signOut: 'Sign out',
      welcomeText: 'Check in every day after your CAR-T treatment, and whenever you feel unwell. Your care team sees what you report.',
      joinTitle: 'Join your care team', joinText: 'Type the code from your invitation. It has 12 letters and numbers.',
      invitationCode: 'Invitation code', join: 'Join', yourCheckIn: 'Your check-in', whoFor: 'Who are you checking in for?',
      anotherCode: 'I have another invitation code', back: '← Back', checkIn: 'Check in', checkInFor: 'Check in for {0}',
      note: 'Anything else (optional)', send: 'Send my check-in', done: 'Done',
      day: 'Day {0} after your CAR-T infusion', checkInNow: 'Check in now', history: 'History',
      nextDue: 'Next check-in: {0}', dueNow: 'A check-in is due now',
      EMERGENCY: 'Call 911 now', CENTER_NOW: 'Call your CAR-T center now', CENTER_SAME_DAY: 'Call your CAR-T center today',
      COMMUNITY_24H: 'See your doctor within a day', SELF_CARE: 'Thank you: nothing more to do now',
      call: 'Call {0}', told: 'Your care team at {0} has been told and will call you back.', yourCenter: 'your center',
      redFlags: 'Get help now if you have any of these', yes: 'Yes', no: 'No', unit: '{0}: unit',
      keptForm: 'No signal: these are the questions from {0}.', saved: 'Saved on your phone',
      ifWorse: 'If you feel worse, or are worried, call your CAR-T center.',
      ifWorseAt: 'If you feel worse, or are worried, call your CAR-T center at {0}.',
      waiting: 'Waiting to send: your phone has no signal. Your check-in is saved and will be sent as soon as it can.',
      outbox1: 'Waiting to send: 1 check-in saved on this phone.',
      outboxN: 'Waiting to send: {0} check-ins saved on this phone.',
      range: '{0}: enter a number from {1} to {2}.',
      gone: 'This invitation can no longer be used. Ask your care team for a new one.',
      unknownCode: 'We do not know that code. Check it and try again.',
      ended: 'Your session has ended. Sign in again.',
      historyTitle: 'Your check-ins', alertsTitle: 'Alerts', checkInsTitle: 'Check-ins', none: 'None yet.',
      alertsUnknown: 'The alerts cannot be read just now.',
      by: { PATIENT: 'you', CAREGIVER: 'a caregiver' }, reportedBy: 'Sent by {0}', other: 'Español',
      remindersOn: 'Get check-in reminders on this phone', remindersOff: 'Stop reminders on this phone',
      remindersSet: 'Reminders are on for this phone.', remindersBlocked: 'Notifications are blocked for this app in the browser\'s settings.',
      remindersFailed: 'Reminders could not be turned on in this browser. You will still get them by email.'
    },
    es: {
      welcome: 'Bienvenido', signIn: 'Iniciar sesión', accessToken: 'Token de acceso', signOut: 'Cerrar sesión',
      welcomeText: 'Registre sus síntomas cada día después de su tratamiento de CAR-T y siempre que se sienta mal. Su equipo de atención ve lo que usted reporta.',
      joinTitle: 'Únase a su equipo de atención', joinText: 'Escriba el código de su invitación. Tiene 12 letras y números.',
      invitationCode: 'Código de invitación', join: 'Unirse', yourCheckIn: 'Su registro', whoFor: '¿Para quién hace el registro?',
      anotherCode: 'Tengo otro código de invitación', back: '← Volver', checkIn: 'Registrar síntomas',
      checkInFor: 'Registro de {0}', note: 'Algo más (opcional)', send: 'Enviar mi registro', done: 'Listo',
      day: 'Día {0} después de su infusión de CAR-T', checkInNow: 'Registrar ahora', history: 'Historial',
      nextDue: 'Próximo registro: {0}', dueNow: 'Ya le toca registrarse',
      EMERGENCY: 'Llame al 911 ahora', CENTER_NOW: 'Llame ahora a su centro de CAR-T', CENTER_SAME_DAY: 'Llame hoy a su centro de CAR-T',
      COMMUNITY_24H: 'Vea a su médico en las próximas 24 horas', SELF_CARE: 'Gracias: no necesita hacer nada más por ahora',
      call: 'Llamar al {0}', told: 'Avisamos a su equipo de atención en {0} y le devolverán la llamada.', yourCenter: 'su centro',
      redFlags: 'Pida ayuda ya si tiene alguno de estos', yes: 'Sí', no: 'No', unit: '{0}: unidad',
      keptForm: 'Sin señal: estas son las preguntas del {0}.', saved: 'Guardado en su teléfono',
      ifWorse: 'Si se siente peor o está preocupado, llame a su centro de CAR-T.',
      ifWorseAt: 'Si se siente peor o está preocupado, llame a su centro de CAR-T al {0}.',
      waiting: 'Esperando para enviar: su teléfono no tiene señal. Su registro está guardado y se enviará en cuanto se pueda.',
      outbox1: 'Esperando para enviar: 1 registro guardado en este teléfono.',
      outboxN: 'Esperando para enviar: {0} registros guardados en este teléfono.',
      range: '{0}: escriba un número de {1} a {2}.',
      gone: 'Esta invitación ya no se puede usar. Pida una nueva a su equipo de atención.',
      unknownCode: 'No conocemos ese código. Revíselo e inténtelo de nuevo.',
      ended: 'Su sesión terminó. Inicie sesión de nuevo.',
      historyTitle: 'Sus registros', alertsTitle: 'Avisos', checkInsTitle: 'Registros', none: 'Todavía no hay.',
      alertsUnknown: 'No se pueden leer los avisos ahora.',
      by: { PATIENT: 'usted', CAREGIVER: 'quien le cuida' }, reportedBy: 'Enviado por {0}', other: 'English',
      remindersOn: 'Recibir recordatorios en este teléfono', remindersOff: 'Dejar de recibir recordatorios en este teléfono',
      remindersSet: 'Los recordatorios están activados en este teléfono.', remindersBlocked: 'Las notificaciones de esta aplicación están bloqueadas en la configuración del navegador.',
      remindersFailed: 'No se pudieron activar los recordatorios en este navegador. Los seguirá recibiendo por correo.'
    }
  };
  var ORDER = ['EMERGENCY', 'CENTER_NOW', 'CENTER_SAME_DAY', 'COMMUNITY_24H', 'SELF_CARE'];
  // The user's language: as chosen in the app, else the browser's; Spanish or English.
  var LANGUAGE_KEY = 'cart-companion-app.lang';
  var LANG = localStorage.getItem(LANGUAGE_KEY) || (/^es\b/i.test(navigator.language || '') ? 'es' : 'en');

  function t(key) {
    var text = TEXT[LANG][key];
    for (var i = 1; i < arguments.length; i++) { text = text.replace('{' + (i - 1) + '}', arguments[i]); }
    return text;
  }

  /** The page's fixed words in the user's language. */
  function translate() {
    document.documentElement.lang = LANG;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (e) {
      e.textContent = t(e.getAttribute('data-t'));
    });
    var toggle = $('language');
    toggle.textContent = t('other');
    toggle.lang = LANG === 'en' ? 'es' : 'en';
  }
  var me = null;
  var idempotencyKey = null; // made when the form opens, so a resend of the same check-in is stored once
  var ME = 'cart-companion-app.me';
  var showing = null; // the key of the check-in whose result or waiting screen is open
  var retryDelay = 2000;
  var retryTimer = null;

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
    ['sign-in', 'join', 'home', 'check-in', 'history', 'result'].forEach(function (s) { $(s).hidden = s !== id; });
    $('sign-out').hidden = id === 'sign-in';
  }

  function api(path, options) { return session.api(path, options); }

  // --- Screens ---------------------------------------------------------------------------------------------------------

  function signIn(message) {
    me = null;
    localStorage.removeItem(ME);
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
    $('home-title').textContent = me.patients.length > 1 ? t('whoFor') : t('yourCheckIn');
    me.patients.forEach(function (p) {
      var card = el('div', null, 'card');
      card.appendChild(el('h2', p.displayName));
      card.appendChild(el('div', t('day', p.dayPostInfusion), 'muted'));
      if (p.center) { card.appendChild(el('div', p.center.name + ' · ' + p.center.phone, 'muted')); }
      if (p.nextCheckInDue) {
        var due = new Date(p.nextCheckInDue);
        card.appendChild(el('div', due.getTime() <= Date.now() ? t('dueNow') : t('nextDue', when(p.nextCheckInDue)), 'due'));
      }
      var go = el('a', t('checkInNow'), 'button');
      go.href = '#/check-in/' + p.id;
      go.setAttribute('data-patient', p.id);
      card.appendChild(go);
      var past = el('a', t('history'), 'quiet-link');
      past.href = '#/history/' + p.id;
      card.appendChild(past);
      box.appendChild(card);
    });
    reminders();
  }

  // --- Reminders on the phone (web push), when the service offers them and the browser can -----------------------------

  var pushSettings = null;

  function base64UrlBytes(text) {
    var base64 = (text + '==='.slice((text.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  /** Offers reminders on this phone, or to stop them: only where the service has them on and the browser can take them. */
  function reminders() {
    var box = $('reminders');
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !window.isSecureContext) { box.hidden = true; return; }
    var settings = pushSettings ? Promise.resolve(pushSettings)
      : fetch('/app/push').then(function (r) { return r.json(); }).then(function (s) { pushSettings = s; return s; });
    settings.then(function (s) {
      if (!s.enabled) { box.hidden = true; return null; }
      return navigator.serviceWorker.ready.then(function (registration) {
        return registration.pushManager.getSubscription().then(function (subscription) {
          box.hidden = false;
          var button = $('reminders-button');
          button.disabled = false;
          button.textContent = subscription ? t('remindersOff') : t('remindersOn');
          $('reminders-status').textContent = subscription ? t('remindersSet')
            : Notification.permission === 'denied' ? t('remindersBlocked') : '';
          button.onclick = function () {
            button.disabled = true;
            (subscription ? stopReminders(subscription) : startReminders(registration, s.publicKey))
              .then(reminders, function () { $('reminders-status').textContent = t('remindersFailed'); button.disabled = false; });
          };
        });
      });
    }).catch(function () { box.hidden = true; });
  }

  function startReminders(registration, publicKey) {
    return Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') { throw new Error('not allowed'); }
      return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(publicKey) });
    }).then(function (subscription) {
      return api('/api/v1/me/push-subscriptions', { method: 'PUT', body: subscription.toJSON() })
        .catch(function (e) { return subscription.unsubscribe().then(function () { throw e; }); });
    });
  }

  function stopReminders(subscription) {
    return api('/api/v1/me/push-subscriptions?endpoint=' + encodeURIComponent(subscription.endpoint), { method: 'DELETE' })
      .then(function () { return subscription.unsubscribe(); });
  }

  /** A moment as the user reads it: weekday, day and time in their language. */
  function when(iso) {
    return new Date(iso).toLocaleString(LANG === 'es' ? 'es-US' : 'en-US',
      { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  }

  /** The patient's alerts and check-ins, newest first. */
  function history(patientId) {
    var patient = me.patients.filter(function (p) { return p.id === patientId; })[0];
    if (!patient) { location.hash = '#/'; return; }
    show('history');
    $('history-title').textContent = me.patients.length > 1 ? patient.displayName : t('historyTitle');
    var alerts = $('history-alerts');
    var checkIns = $('history-check-ins');
    clear(alerts);
    clear(checkIns);
    api('/app/api/alerts?patientId=' + encodeURIComponent(patientId)).then(function (page) {
      if (!page.items.length) { alerts.appendChild(el('p', t('none'), 'muted')); }
      page.items.forEach(function (a) {
        var card = el('div', null, 'card d-' + a.disposition);
        card.appendChild(el('h3', t(a.disposition)));
        card.appendChild(el('div', when(a.openedAt), 'muted'));
        if (a.patientMessage) { card.appendChild(el('p', a.patientMessage)); }
        alerts.appendChild(card);
      });
    }, function () { alerts.appendChild(el('p', t('alertsUnknown'), 'muted')); });
    api('/api/v1/patients/' + encodeURIComponent(patientId) + '/check-ins?limit=20').then(function (page) {
      if (!page.items.length) { checkIns.appendChild(el('p', t('none'), 'muted')); }
      page.items.forEach(function (c) {
        var card = el('div', null, 'card d-' + c.triage.disposition);
        card.setAttribute('data-check-in', c.id);
        card.appendChild(el('h3', t(c.triage.disposition)));
        card.appendChild(el('div', when(c.recordedAt) + ' · ' + t('reportedBy', TEXT[LANG].by[c.reportedBy] || c.reportedBy), 'muted'));
        card.appendChild(el('p', c.triage.instructions));
        checkIns.appendChild(card);
      });
    }).catch(function (e) { showError(e.message); });
  }

  // --- The check-in form: the questions come from the server (GET …/check-in-form), kept for use without signal ---------

  function formKey(patientId) { return 'cart-form.' + patientId + '.' + LANG; }

  /** The patient's form for today: fresh from the server, else the one kept from the last time there was signal. */
  function loadForm(patientId) {
    return api('/api/v1/patients/' + encodeURIComponent(patientId) + '/check-in-form?lang=' + LANG)
      .then(function (form) {
        try { localStorage.setItem(formKey(patientId), JSON.stringify(form)); } catch (e) { /* full: use it unkept */ }
        return form;
      })
      .catch(function (e) {
        var kept = null;
        try { kept = JSON.parse(localStorage.getItem(formKey(patientId))); } catch (ignored) { kept = null; }
        if (!kept || e.status) { throw e; }
        kept.kept = true;
        return kept;
      });
  }

  function question(item) {
    var box = el('div', null, 'question ' + (item.type === 'boolean' ? 'check' : item.type === 'number' ? 'number' : 'choice'));
    var helpId = 'help-' + item.code;
    var help = el('span', item.help, 'help');
    help.id = helpId;
    if (item.type === 'boolean' && item.code === 'antipyreticLast6h') {
      box.className = 'question yesno';
      var group = el('div', null, 'options');
      group.setAttribute('role', 'radiogroup');
      group.setAttribute('aria-labelledby', 'q-' + item.code);
      var title = el('label', item.label);
      title.id = 'q-' + item.code;
      box.appendChild(title);
      box.appendChild(help);
      [['true', t('yes')], ['false', t('no')]].forEach(function (o) {
        var label = el('label');
        var radio = el('input');
        radio.type = 'radio';
        radio.name = item.code;
        radio.value = o[0];
        radio.setAttribute('data-code', item.code);
        radio.setAttribute('aria-describedby', helpId);
        label.appendChild(radio);
        label.appendChild(document.createTextNode(o[1]));
        group.appendChild(label);
      });
      box.appendChild(group);
      return box;
    }
    if (item.type === 'boolean') {
      var check = el('label', null, item.redFlag ? 'red' : '');
      var input = el('input');
      input.type = 'checkbox';
      input.value = item.code;
      input.setAttribute('data-code', item.code);
      input.setAttribute('aria-describedby', helpId);
      check.appendChild(input);
      check.appendChild(document.createTextNode(item.label));
      box.appendChild(check);
      box.appendChild(help);
      return box;
    }
    var label = el('label', item.label);
    label.setAttribute('for', 'q-' + item.code);
    box.appendChild(label);
    box.appendChild(help);
    var field;
    if (item.type === 'choice') {
      field = el('select');
      field.appendChild(el('option', '—'));
      field.firstChild.value = '';
      item.options.forEach(function (o) { var opt = el('option', o.label); opt.value = o.code; field.appendChild(opt); });
    } else {
      field = el('input');
      field.type = 'number';
      field.inputMode = item.unit === 'C' ? 'decimal' : 'numeric';
      field.step = item.unit === 'C' ? '0.1' : '1';
    }
    field.id = 'q-' + item.code;
    field.setAttribute('data-code', item.code);
    field.setAttribute('aria-describedby', helpId);
    if (item.type === 'number' && item.otherUnits.length) {
      var row = el('div', null, 'row');
      row.appendChild(field);
      var unit = el('select');
      unit.id = 'unit-' + item.code;
      unit.setAttribute('aria-label', t('unit', item.label));
      [{ unit: item.unit, min: item.min, max: item.max }].concat(item.otherUnits).forEach(function (u) {
        var opt = el('option', '°' + u.unit);
        opt.value = u.unit;
        unit.appendChild(opt);
      });
      row.appendChild(unit);
      box.appendChild(row);
    } else {
      if (item.unit && item.unit !== 'points') { label.appendChild(document.createTextNode(' (' + item.unit + ')')); }
      box.appendChild(field);
    }
    return box;
  }

  function fieldset(legend, className) {
    var set = el('fieldset', null, className || '');
    set.appendChild(el('legend', legend));
    return set;
  }

  /** Lays the form out: the temperature, then the red flags, then each section's other questions. */
  function renderForm(form) {
    var box = $('questions');
    clear(box);
    var titles = {};
    form.groups.forEach(function (g) { titles[g.code] = g.title; });
    var temperature = fieldset(titles.temperature);
    var red = fieldset(t('redFlags'), 'red');
    var sections = {};
    form.items.forEach(function (item) {
      var target;
      if (item.group === 'temperature') {
        target = temperature;
      } else if (item.redFlag) {
        target = red;
      } else {
        if (!sections[item.group]) { sections[item.group] = fieldset(titles[item.group]); }
        target = sections[item.group];
      }
      target.appendChild(question(item));
    });
    box.appendChild(temperature);
    box.appendChild(red);
    form.groups.forEach(function (g) { if (sections[g.code]) { box.appendChild(sections[g.code]); } });
  }

  /** The answers as the check-in's body, or an error for a value outside its range. */
  function answers(form) {
    var body = { recordedAt: new Date().toISOString() };
    var symptoms = [];
    var error = null;
    form.items.forEach(function (item) {
      var field = document.querySelector('[data-code="' + item.code + '"]');
      if (item.code === 'antipyreticLast6h') {
        var chosen = document.querySelector('input[name="antipyreticLast6h"]:checked');
        if (chosen) { body.antipyreticLast6h = chosen.value === 'true'; }
        return;
      }
      if (item.type === 'boolean') { if (field.checked) { symptoms.push(item.code); } return; }
      if (field.value === '') { return; }
      if (item.type === 'choice') { body[item.code] = field.value; return; }
      var value = Number(field.value);
      var range = { unit: item.unit, min: item.min, max: item.max };
      var unitField = $('unit-' + item.code);
      if (unitField) {
        item.otherUnits.forEach(function (u) { if (u.unit === unitField.value) { range = u; } });
      }
      if (!isFinite(value) || value < range.min || value > range.max) {
        error = error || t('range', item.label, range.min, range.max);
        return;
      }
      if (item.code === 'temperature') {
        body.temperature = { value: value, unit: range.unit };
      } else if (['spo2', 'heartRate', 'systolicBp', 'respiratoryRate'].indexOf(item.code) >= 0) {
        body.vitals = body.vitals || {};
        body.vitals[item.code] = Math.round(value);
      } else {
        body[item.code] = Math.round(value);
      }
    });
    if (body.temperature && body.temperatureMethod) { body.temperature.method = body.temperatureMethod; }
    delete body.temperatureMethod;
    body.symptoms = symptoms;
    if ($('note').value.trim()) { body.note = $('note').value.trim(); }
    return { body: body, error: error };
  }

  /** What the form's offline rules say of a check-in's answers: the highest result whose conditions all hold, or null. */
  function offlineFloor(form, body) {
    var a = {};
    (body.symptoms || []).forEach(function (code) { a[code] = true; });
    if (body.antipyreticLast6h !== undefined) { a.antipyreticLast6h = body.antipyreticLast6h; }
    if (body.temperature) {
      var t = body.temperature;
      a.temperature = Math.round((t.unit === 'F' ? (t.value - 32) * 5 / 9 : t.value) * 100) / 100;
    }
    Object.keys(body.vitals || {}).forEach(function (k) { a[k] = body.vitals[k]; });
    ['stoolsAboveBaseline', 'iceScore'].forEach(function (k) { if (body[k] !== undefined) { a[k] = body[k]; } });
    var best = null;
    form.offline.rules.forEach(function (rule) {
      var holds = rule.when.every(function (c) {
        var v = a[c.item];
        if (c.equals !== undefined) { return v === c.equals; }
        if (c.notEquals !== undefined) { return v !== c.notEquals; }
        return typeof v === 'number' && (c.min === undefined || v >= c.min) && (c.below === undefined || v < c.below);
      });
      var r = form.offline.results[rule.result];
      if (holds && (!best || ORDER.indexOf(r.disposition) < ORDER.indexOf(best.disposition))) { best = r; }
    });
    return best;
  }

  function checkIn(patientId) {
    var patient = me.patients.filter(function (p) { return p.id === patientId; })[0];
    if (!patient) { location.hash = '#/'; return; }
    show('check-in');
    showing = null;
    $('check-in-title').textContent = me.patients.length > 1 ? t('checkInFor', patient.displayName) : t('checkIn');
    $('check-in-form').reset();
    $('send').disabled = true;
    clear($('questions'));
    idempotencyKey = newKey();
    loadForm(patient.id).then(function (form) {
      renderForm(form);
      $('form-status').hidden = !form.kept;
      $('form-status').textContent = form.kept ? t('keptForm', form.date) : '';
      $('send').disabled = false;
      $('check-in-form').onsubmit = function (event) {
        event.preventDefault();
        var entered = answers(form);
        if (entered.error) { showError(entered.error); return; }
        showError('');
        $('send').disabled = true;
        var item = { key: idempotencyKey, patientId: patient.id, body: entered.body, createdAt: Date.now(),
          floor: offlineFloor(form, entered.body), centerPhone: patient.center ? patient.center.phone : null };
        // Kept on the phone before it is sent: a check-in entered without signal is never lost, and its key makes a
        // second send of it the same check-in.
        outbox.put(item).then(function () {
          showing = item.key;
          return send(item);
        }).catch(function (e) {
          // Refused for good (400, 404, 422): send() showed why. Anything else is sent later.
          if (e && (e.status === 400 || e.status === 404 || e.status === 422)) { return; }
          waiting(item, patient);
        });
      };
    }).catch(function (e) { showError(e.message); });
  }

  function instructions(disposition, text, callNumber) {
    var box = $('result-instructions');
    box.textContent = text;
    box.className = 'instructions d-' + disposition;
    box.setAttribute('data-disposition', disposition);
    var call = $('result-call');
    call.hidden = !callNumber || disposition === 'SELF_CARE';
    if (callNumber) {
      call.href = 'tel:' + callNumber;
      call.textContent = t('call', callNumber);
    }
    $('result-title').textContent = t(disposition);
  }

  /** Not sent yet: what the answers mean by the rule table kept on the phone, and that it will be sent. */
  function waiting(item, patient) {
    if (showing !== item.key) { return; }
    show('result');
    var floor = item.floor;
    if (floor) {
      instructions(floor.disposition, floor.instructions, floor.callNumber);
    } else {
      instructions('SELF_CARE', item.centerPhone ? t('ifWorseAt', item.centerPhone) : t('ifWorse'), item.centerPhone);
      $('result-call').hidden = !item.centerPhone;
      $('result-title').textContent = t('saved');
    }
    var note = $('result-waiting');
    note.hidden = false;
    note.textContent = t('waiting');
    $('result-alert').textContent = '';
  }

  function result(answer, patient) {
    show('result');
    $('result-waiting').hidden = true;
    var triage = answer.triage;
    instructions(triage.disposition, triage.instructions, triage.callNumber);
    $('result-alert').textContent = answer.alertRequested
      ? t('told', patient && patient.center ? patient.center.name : t('yourCenter'))
      : '';
    if (answer.alertRequested) { followAlert(answer.patientId || (patient && patient.id), answer.receivedAt, showing); }
  }

  var alertTimer = null;

  /**
   * The alert the check-in opened or joined, as it changes ("Dr. Rivera acknowledged (03:12)…"), asked every 10 s while its
   * result is on the screen: the newest of the patient's alerts that is still open or was closed after the check-in arrived.
   */
  function followAlert(patientId, receivedAt, key) {
    if (alertTimer) { clearTimeout(alertTimer); alertTimer = null; }
    if (!patientId) { return; }
    var since = Date.parse(receivedAt) || 0;
    function poll() {
      if (showing !== key || $('result').hidden) { return; }
      api('/app/api/alerts?patientId=' + encodeURIComponent(patientId)).then(function (page) {
        var alert = (page.items || []).filter(function (a) {
          return a.status !== 'RESOLVED' || Date.parse(a.resolvedAt) >= since;
        })[0];
        var box = $('result-alert');
        if (alert && alert.patientMessage) {
          box.textContent = alert.patientMessage;
          box.setAttribute('data-status', alert.status);
        }
        if (!alert || alert.status !== 'RESOLVED') { alertTimer = setTimeout(poll, 10000); }
      }, function () { alertTimer = setTimeout(poll, 20000); });
    }
    poll();
  }

  // --- The outbox: check-ins kept on the phone until the service has them (IndexedDB) --------------------------------------

  var outbox = (function () {
    var opened = null;
    function db() {
      opened = opened || new Promise(function (resolve, reject) {
        var request = indexedDB.open('cart-companion', 1);
        request.onupgradeneeded = function () { request.result.createObjectStore('outbox', { keyPath: 'key' }); };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
      return opened;
    }
    function run(mode, work) {
      return db().then(function (d) {
        return new Promise(function (resolve, reject) {
          var tx = d.transaction('outbox', mode);
          var request = work(tx.objectStore('outbox'));
          tx.oncomplete = function () { resolve(request.result); };
          tx.onerror = function () { reject(tx.error); };
        });
      });
    }
    return {
      put: function (item) { return run('readwrite', function (s) { return s.put(item); }); },
      remove: function (key) { return run('readwrite', function (s) { return s['delete'](key); }); },
      all: function () { return run('readonly', function (s) { return s.getAll(); }); }
    };
  }());

  /**
   * Sends one kept check-in with its key. The service's answer (stored, or the same stored again) takes it off the phone; a
   * refusal that sending again cannot change (400, 404, 422) too, with the reason shown; anything else (no signal, the
   * service busy or down) leaves it for the next try.
   */
  function send(item) {
    return api('/api/v1/patients/' + encodeURIComponent(item.patientId) + '/check-ins',
      { method: 'POST', body: item.body, headers: { 'Idempotency-Key': item.key } })
      .then(function (answer) {
        retryDelay = 2000;
        return outbox.remove(item.key).then(function () {
          if (showing === item.key) { result(answer, patientOf(item)); }
          updateOutbox();
        });
      }, function (e) {
        if (e.status === 400 || e.status === 404 || e.status === 422) {
          return outbox.remove(item.key).then(function () {
            if (showing === item.key) { show('check-in'); $('send').disabled = false; }
            showError(e.message);
            updateOutbox();
            throw e;
          });
        }
        later();
        updateOutbox();
        throw e;
      });
  }

  function patientOf(item) {
    return me ? me.patients.filter(function (p) { return p.id === item.patientId; })[0] : null;
  }

  /** Every kept check-in, oldest first, one at a time; stops at the first that cannot go yet. */
  function flush() {
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    if (!session.token()) { return Promise.resolve(); }
    return outbox.all().then(function (items) {
      items.sort(function (x, y) { return x.createdAt - y.createdAt; });
      return items.reduce(function (chain, item) {
        return chain.then(function () { return send(item).catch(function (e) { if (!e.status) { throw e; } }); });
      }, Promise.resolve());
    }).catch(function () { /* tried again later */ });
  }

  /** The next try, with the wait doubling up to a minute; and at once when the phone says it is online again. */
  function later() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }

  function updateOutbox() {
    outbox.all().then(function (items) {
      var note = $('outbox');
      note.hidden = items.length === 0;
      note.textContent = items.length === 1 ? t('outbox1') : t('outboxN', items.length);
    }).catch(function () { /* no IndexedDB: nothing kept */ });
  }

  // --- Navigation ----------------------------------------------------------------------------------------------------------

  function route() {
    showError('');
    var parts = location.hash.replace(/^#\/?/, '').split('/');
    if (!session.token()) { signIn(); return; }
    if (parts[0] === 'join') { join(parts[1] ? decodeURIComponent(parts[1]) : ''); return; }
    var load = me ? Promise.resolve(me) : api('/api/v1/me').then(function (who) {
      me = who;
      try { localStorage.setItem(ME, JSON.stringify(who)); } catch (e) { /* full: not kept */ }
      return who;
    }, function (e) {
      // Without signal: who the user is and whom they check in for, as kept from the last time.
      var kept = null;
      try { kept = JSON.parse(localStorage.getItem(ME)); } catch (ignored) { kept = null; }
      if (!kept || e.status || !session.token()) { throw e; }
      me = kept;
      return kept;
    });
    load.then(function () {
      if (parts[0] === 'check-in' && parts[1]) {
        checkIn(parts[1]);
      } else if (parts[0] === 'history' && parts[1]) {
        history(parts[1]);
      } else {
        home();
      }
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
      showError(e.status === 410 ? t('gone') : e.status === 404 ? t('unknownCode') : e.message);
    });
  });

  $('sign-out').addEventListener('click', function () {
    me = null;
    localStorage.removeItem(ME);
    // The kept check-in forms are this user's patients'; check-ins still waiting to send stay (the service refuses
    // another user's).
    Object.keys(localStorage).filter(function (k) { return k.indexOf('cart-form.') === 0; })
      .forEach(function (k) { localStorage.removeItem(k); });
    if (!session.signOut()) { location.hash = '#/'; signIn(); }
  });

  $('language').addEventListener('click', function () {
    LANG = LANG === 'en' ? 'es' : 'en';
    localStorage.setItem(LANGUAGE_KEY, LANG);
    translate();
    route();
  });

  translate();
  window.addEventListener('hashchange', route);
  window.addEventListener('online', function () { retryDelay = 2000; flush(); });
  session.ready().then(function () { route(); updateOutbox(); flush(); }).catch(function (e) { signIn(e.message); });
  // Installed on the phone, the app opens without signal too (sw.js). Browsers allow it on https and localhost only.
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' })['catch'](function () { /* the app works without */ });
  }
}());
