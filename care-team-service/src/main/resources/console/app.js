// CAR-T Companion on-call console. Plain DOM, no framework; every value from the server is set as text, never as HTML.
(function () {
  'use strict';

  var session = window.CartSignIn({
    config: '/console/sign-in', home: '/console/', key: 'cart-companion-console', storage: sessionStorage,
    onSignedOut: function () { signIn('Your session has ended. Sign in again.'); }
  });
  var me = null; // { subject, name, roles, clinicianId } as care-team-service reads the token
  var CHANNELS = { EMAIL: 'Email', SMS: 'SMS', VOICE: 'Phone call' };
  var RESULTS = {
    SENT: 'sent', FAILED: 'failed',
    NOT_CONFIGURED: 'cannot be sent by this deployment (real pages reach you by your other methods, or your email at once)'
  };
  var DISPOSITIONS = {
    EMERGENCY: 'Emergency', CENTER_NOW: 'Call the center now', CENTER_SAME_DAY: 'Center, same day',
    COMMUNITY_24H: 'Community physician, 24 h', SELF_CARE: 'Self-care'
  };
  var STATUSES = {
    TRIGGERED: 'Not yet acknowledged', ACKNOWLEDGED: 'Acknowledged', RESOLVED: 'Resolved',
    EXHAUSTED: 'Nobody answered: escalation exhausted'
  };
  var PHASES = { CENTER_LED: 'Center-led', SHARED: 'Shared care', COMMUNITY_LED: 'Community-led' };

  var $ = window.CartPage.byId;
  var el = window.CartPage.el;
  var clear = window.CartPage.clear;

  function hasRole(role) { return !!me && me.roles.indexOf(role) >= 0; }

  function when(iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  function showError(message) {
    var box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  function show(sectionId) {
    ['sign-in', 'home', 'alert', 'handoff', 'care-team', 'me'].forEach(function (id) { $(id).hidden = id !== sectionId; });
  }

  function api(path, options) { return session.api(path, options); }

  function fact(list, term, value) {
    if (value === undefined || value === null || value === '') { return; }
    list.appendChild(el('dt', term));
    list.appendChild(el('dd', value));
  }

  // --- Views -------------------------------------------------------------------------------------------------------

  function home() {
    show('home');
    var list = $('alerts');
    clear(list);
    api('/console/api/alerts').then(function (page) {
      $('alerts-empty').hidden = page.items.length > 0;
      page.items.forEach(function (a) {
        var item = el('li');
        var link = el('a', null, 'd-' + a.disposition);
        link.href = '/console/alerts/' + a.id;
        link.setAttribute('data-nav', '');
        link.setAttribute('data-alert', a.id);
        var line1 = el('div');
        line1.appendChild(el('span', a.status, 'badge ' + a.status));
        line1.appendChild(el('strong', DISPOSITIONS[a.disposition] || a.disposition));
        line1.appendChild(document.createTextNode(' · ' + (a.patientName || 'Patient')));
        link.appendChild(line1);
        link.appendChild(el('div', 'Day ' + a.dayPostInfusion + ' · ' + (a.product || '') + ' · opened ' + when(a.openedAt)
          + (a.summary ? ' · ' + a.summary : ''), 'line2'));
        item.appendChild(link);
        list.appendChild(item);
      });
    }).catch(function (e) { showError(e.message); });
    onCall();
  }

  function onCall() {
    var box = $('on-call');
    clear(box);
    if (!hasRole('clinician') && !hasRole('coordinator')) {
      box.appendChild(el('p', 'On-call schedules are shown to the center\'s staff.', 'muted'));
      return;
    }
    api('/console/api/on-call').then(function (view) {
      if (view.centers.length === 0) { box.appendChild(el('p', 'You are not on the staff of a center.', 'muted')); }
      view.centers.forEach(function (center) {
        var card = el('div', null, 'oncall');
        card.appendChild(el('strong', center.name + ' · ' + center.date));
        card.appendChild(el('div', 'Center line ' + center.phone, 'muted'));
        var rows = el('ul', null, 'rows');
        center.turns.forEach(function (t) {
          var row = el('li', t.tier + ': ' + t.name + (t.phone ? ' (' + t.phone + ')' : '') + ' · ' + when(t.start) + ' – ' + when(t.end),
            t.now ? 'now' : '');
          rows.appendChild(row);
        });
        (center.uncovered || []).forEach(function (tier) {
          rows.appendChild(el('li', tier + ': nobody on call right now', 'gap'));
        });
        card.appendChild(rows);
        box.appendChild(card);
      });
    }).catch(function (e) { box.appendChild(el('p', e.message, 'muted')); });
  }

  function alertView(id) {
    show('alert');
    api('/console/api/alerts/' + encodeURIComponent(id)).then(function (view) {
      renderAlert(view);
    }).catch(function (e) { showError(e.message); });
  }

  function renderAlert(view) {
    var a = view.alert;
    var p = view.patient || {};
    $('alert-title').textContent = (DISPOSITIONS[a.disposition] || a.disposition) + ' · ' + (p.displayName || 'Patient');
    var status = STATUSES[a.status] || a.status;
    if (a.acknowledgedAt) { status += ' · acknowledged by ' + (a.acknowledgedBy || '—') + ' at ' + when(a.acknowledgedAt); }
    if (a.resolvedAt) { status += ' · resolved ' + when(a.resolvedAt) + ' (' + a.outcome + ')'; }
    $('alert-status').textContent = status;
    $('alert-status').setAttribute('data-status', a.status);
    var facts = $('alert-facts');
    clear(facts);
    fact(facts, 'Day after infusion', a.dayPostInfusion);
    fact(facts, 'Phase', a.phase);
    fact(facts, 'Product', a.product);
    fact(facts, 'Reported', a.summary);
    fact(facts, 'Rules', (a.firedRules || []).join(', '));
    fact(facts, 'Opened', when(a.openedAt));
    fact(facts, 'Level', a.level);
    fact(facts, 'Responsible', a.responsible);
    fact(facts, 'Next step', a.nextStepAt ? when(a.nextStepAt) : null);
    fact(facts, 'Patient phone', a.patientPhone || p.phone);
    var call = $('call-patient');
    var phone = a.patientPhone || p.phone;
    call.hidden = !phone;
    if (phone) { call.href = 'tel:' + phone; }
    var open = a.status === 'TRIGGERED' || a.status === 'EXHAUSTED';
    var ack = $('acknowledge');
    ack.hidden = !open;
    ack.disabled = false;
    ack.onclick = function () {
      ack.disabled = true;
      api('/console/api/alerts/' + a.id + '/acknowledge', { method: 'POST' })
        .then(function () { showError(''); alertView(a.id); })
        .catch(function (e) { ack.disabled = false; showError(e.message); });
    };
    var form = $('resolve-form');
    form.hidden = a.status === 'RESOLVED';
    form.onsubmit = function (event) {
      event.preventDefault();
      var outcome = $('outcome').value;
      if (!outcome) { showError('Choose an outcome.'); return; }
      api('/console/api/alerts/' + a.id + '/resolve', { method: 'POST', body: { outcome: outcome, note: $('note').value || null } })
        .then(function () { showError(''); alertView(a.id); })
        .catch(function (e) { showError(e.message); });
    };
    renderCheckIns(view.checkIns || []);
    renderTrend(view.checkIns || []);
    var timeline = $('timeline');
    clear(timeline);
    (a.timeline || []).forEach(function (t) { timeline.appendChild(el('li', when(t.at) + ' · ' + t.type + (t.detail ? ' · ' + t.detail : ''))); });
  }

  function renderCheckIns(checkIns) {
    var list = $('check-ins');
    clear(list);
    if (checkIns.length === 0) { list.appendChild(el('li', 'No check-ins to show.', 'muted')); }
    checkIns.forEach(function (c) {
      var r = c.reported || {};
      var parts = [when(c.recordedAt)];
      if (r.temperatureC !== null && r.temperatureC !== undefined) { parts.push(r.temperatureC.toFixed(1) + ' °C'); }
      if (r.symptoms && r.symptoms.length) { parts.push(r.symptoms.join(', ').toLowerCase().replace(/_/g, ' ')); }
      parts.push(DISPOSITIONS[c.triage.disposition] || c.triage.disposition);
      list.appendChild(el('li', parts.join(' · ')));
    });
  }

  // An SVG line of °C over time, oldest left, with the 38.0 °C fever line.
  function renderTrend(checkIns) {
    var box = $('trend');
    clear(box);
    var points = checkIns.filter(function (c) { return c.reported && c.reported.temperatureC != null; })
      .map(function (c) { return { t: new Date(c.recordedAt).getTime(), v: c.reported.temperatureC }; })
      .sort(function (x, y) { return x.t - y.t; });
    if (points.length === 0) { box.appendChild(el('p', 'No temperatures reported.', 'muted')); return; }
    var ns = 'http://www.w3.org/2000/svg';
    var w = 600, h = 180, pad = 30;
    var lo = Math.min(36, Math.min.apply(null, points.map(function (p) { return p.v; }))) - 0.3;
    var hi = Math.max(39, Math.max.apply(null, points.map(function (p) { return p.v; }))) + 0.3;
    var t0 = points[0].t, t1 = points[points.length - 1].t;
    function x(t) { return t1 === t0 ? w / 2 : pad + (t - t0) / (t1 - t0) * (w - 2 * pad); }
    function y(v) { return h - pad - (v - lo) / (hi - lo) * (h - 2 * pad); }
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Temperature trend, ' + points.length + ' readings, latest ' + points[points.length - 1].v.toFixed(1) + ' °C');
    var fever = document.createElementNS(ns, 'line');
    fever.setAttribute('x1', pad); fever.setAttribute('x2', w - pad);
    fever.setAttribute('y1', y(38)); fever.setAttribute('y2', y(38));
    fever.setAttribute('stroke', '#a30000'); fever.setAttribute('stroke-dasharray', '6 4');
    svg.appendChild(fever);
    var label = document.createElementNS(ns, 'text');
    label.setAttribute('x', w - pad); label.setAttribute('y', y(38) - 4); label.setAttribute('text-anchor', 'end');
    label.setAttribute('font-size', '12'); label.setAttribute('fill', '#a30000');
    label.textContent = '38.0 °C';
    svg.appendChild(label);
    var line = document.createElementNS(ns, 'polyline');
    line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#0b5cad'); line.setAttribute('stroke-width', '2');
    line.setAttribute('points', points.map(function (p) { return x(p.t) + ',' + y(p.v); }).join(' '));
    svg.appendChild(line);
    points.forEach(function (p) {
      var dot = document.createElementNS(ns, 'circle');
      dot.setAttribute('cx', x(p.t)); dot.setAttribute('cy', y(p.v)); dot.setAttribute('r', 4);
      dot.setAttribute('fill', p.v >= 38 ? '#a30000' : '#0b5cad');
      var tip = document.createElementNS(ns, 'title');
      tip.textContent = when(new Date(p.t).toISOString()) + ': ' + p.v.toFixed(1) + ' °C';
      dot.appendChild(tip);
      svg.appendChild(dot);
    });
    box.appendChild(svg);
  }

  function handoffView(id) {
    show('handoff');
    api('/api/v1/handoffs/' + encodeURIComponent(id)).then(function (h) {
      var s = h.clinicalSummary || {};
      $('handoff-status').textContent = h.status + ' · to ' + h.to.name + ' · ' + (PHASES[h.fromPhase] || h.fromPhase) + ' → '
        + (PHASES[h.toPhase] || h.toPhase) + (h.expiresAt ? ' · answer by ' + when(h.expiresAt) : '');
      var facts = $('handoff-facts');
      clear(facts);
      fact(facts, 'Patient', s.displayName);
      fact(facts, 'Product', s.product);
      fact(facts, 'Infusion', s.infusionDate);
      fact(facts, 'Day after infusion', s.dayPostInfusion);
      fact(facts, 'Note from the center', h.summary);
      (s.prophylaxis || []).forEach(function (p) {
        fact(facts, 'Prophylaxis', p.agent + (p.covers ? ' (' + p.covers + ')' : '') + (p.until ? ', until ' + p.until : ''));
      });
      fact(facts, 'IgG / IVIG plan', s.iggPlan);
      if (s.labs) { fact(facts, 'IgG', s.labs.iggMgDl != null ? s.labs.iggMgDl + ' mg/dL (' + s.labs.iggDate + ')' : null); }
      (s.vaccinations || []).forEach(function (v) { fact(facts, 'Vaccination', v.vaccine + ', due ' + v.due); });
      fact(facts, 'Declined because', h.declineReason);
      var chips = $('handoff-symptoms');
      clear(chips);
      (s.centerSymptoms || []).forEach(function (code) { chips.appendChild(el('li', code.toLowerCase().replace(/_/g, ' '))); });
      var actions = $('handoff-actions');
      actions.hidden = !(h.status === 'PENDING' && hasRole('community-physician'));
      $('accept').onclick = function () {
        api('/api/v1/handoffs/' + h.id + '/accept', { method: 'POST' }).then(function () { handoffView(h.id); })
          .catch(function (e) { showError(e.message); });
      };
      $('decline-form').onsubmit = function (event) {
        event.preventDefault();
        api('/api/v1/handoffs/' + h.id + '/decline', { method: 'POST', body: { reason: $('decline-reason').value } })
          .then(function () { handoffView(h.id); }).catch(function (e) { showError(e.message); });
      };
    }).catch(function (e) { showError(e.message); });
  }

  function careTeamView(patientId) {
    show('care-team');
    api('/api/v1/care-teams/' + encodeURIComponent(patientId)).then(function (t) {
      $('care-team-phase').textContent = PHASES[t.phase] || t.phase;
      var list = $('care-team-members');
      clear(list);
      t.members.forEach(function (m) { list.appendChild(el('li', m.role + ': ' + m.name + (m.phone ? ' · ' + m.phone : '') + ' · ' + m.email)); });
    }).catch(function (e) { showError(e.message); });
  }

  function meView() {
    show('me');
    $('methods-saved').hidden = true;
    clear($('test-results'));
    $('me-none').hidden = !!me.clinicianId;
    $('methods-form').hidden = !me.clinicianId;
    if (!me.clinicianId) { return; }
    var path = '/api/v1/clinicians/' + encodeURIComponent(me.clinicianId) + '/contact-methods';
    api(path).then(renderMethods).catch(function (e) { showError(e.message); });
    var dirty = false;
    $('methods').oninput = function () { dirty = true; $('methods-saved').hidden = true; };
    $('add-method').onclick = function () {
      dirty = true;
      $('methods').appendChild(methodRow({ type: 'SMS', address: '', delaySeconds: 0 }));
    };
    $('methods-form').onsubmit = function (event) {
      event.preventDefault();
      var rows = Array.prototype.slice.call($('methods').children).map(function (row) {
        return {
          type: row.querySelector('select').value,
          address: row.querySelector('input[name=address]').value.trim(),
          delaySeconds: parseInt(row.querySelector('input[name=delay]').value || '0', 10)
        };
      });
      if (rows.length === 0) {
        showError('Keep at least one method: with none you would be paged by email only. Add one, then save.');
        return;
      }
      $('save-methods').disabled = true;
      api(path, { method: 'PUT', body: rows }).then(function (saved) {
        showError('');
        dirty = false;
        renderMethods(saved);
        var done = $('methods-saved');
        done.textContent = 'Saved. Pages use these methods from now on.';
        done.hidden = false;
      }).catch(function (e) { showError(e.message); }).then(function () { $('save-methods').disabled = false; });
    };
    $('test-page').onclick = function () {
      var button = $('test-page');
      var results = $('test-results');
      if (dirty) {
        showError('Save your changes first: the test page goes to the methods you saved.');
        return;
      }
      button.disabled = true;
      clear(results);
      api('/console/api/test-page', { method: 'POST' }).then(function (sent) {
        showError('');
        sent.forEach(function (r) {
          results.appendChild(el('li', (CHANNELS[r.type] || r.type) + ' ' + r.address + ': ' + (RESULTS[r.status] || r.status)
            + (r.error ? ' (' + r.error + ')' : ''), r.status === 'SENT' ? 'now' : 'gap'));
        });
      }).catch(function (e) { showError(e.message); }).then(function () { button.disabled = false; });
    };
  }

  function renderMethods(methods) {
    var list = $('methods');
    clear(list);
    methods.forEach(function (m) { list.appendChild(methodRow(m)); });
  }

  function methodRow(m) {
    var row = el('li', null, 'method');
    var type = el('select');
    type.setAttribute('aria-label', 'Channel');
    Object.keys(CHANNELS).forEach(function (key) {
      var option = el('option', CHANNELS[key]);
      option.value = key;
      option.selected = key === m.type;
      type.appendChild(option);
    });
    var address = el('input');
    address.name = 'address';
    address.required = true;
    address.value = m.address || '';
    address.setAttribute('aria-label', 'Address or number');
    address.placeholder = m.type === 'EMAIL' ? 'name@hospital.org' : '+15550123456';
    type.onchange = function () {
      address.placeholder = type.value === 'EMAIL' ? 'name@hospital.org' : '+15550123456';
      row.parentNode.dispatchEvent(new Event('input'));
    };
    var delay = el('input');
    delay.name = 'delay';
    delay.type = 'number';
    delay.min = '0';
    delay.max = '3600';
    delay.value = String(m.delaySeconds || 0);
    delay.setAttribute('aria-label', 'Delay in seconds');
    var remove = el('button', 'Remove', 'quiet');
    remove.type = 'button';
    remove.onclick = function () {
      var list = row.parentNode;
      list.removeChild(row);
      list.dispatchEvent(new Event('input'));
    };
    row.appendChild(type);
    row.appendChild(address);
    row.appendChild(el('span', 'after', 'muted'));
    row.appendChild(delay);
    row.appendChild(el('span', 's', 'muted'));
    row.appendChild(remove);
    return row;
  }

  // --- Navigation ----------------------------------------------------------------------------------------------------

  function route() {
    showError('');
    if (!session.token()) { signIn(); return; }
    if (!me) {
      api('/console/api/me').then(function (who) { me = who; route(); }).catch(function (e) { signIn(e.message); });
      return;
    }
    $('who').textContent = me.name + ' · ' + me.roles.join(', ');
    $('sign-out').hidden = false;
    $('my-pages').hidden = !me.clinicianId;
    var parts = location.pathname.replace(/^\/console\/?/, '').split('/');
    if (parts[0] === 'alerts' && parts[1]) { alertView(parts[1]); }
    else if (parts[0] === 'handoffs' && parts[1]) { handoffView(parts[1]); }
    else if (parts[0] === 'care-teams' && parts[1]) { careTeamView(parts[1]); }
    else if (parts[0] === 'me') { meView(); }
    else { home(); }
  }

  function signIn(message) {
    me = null;
    $('who').textContent = '';
    $('sign-out').hidden = true;
    $('my-pages').hidden = true;
    signInScreen.show();
    show('sign-in');
    showError(message || '');
  }

  var signInScreen = session.screen(function () { route(); }, showError);

  $('sign-out').addEventListener('click', function () {
    me = null;
    if (!session.signOut()) {
      history.pushState(null, '', '/console');
      signIn();
    }
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-nav]') : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    route();
  });

  window.addEventListener('popstate', route);
  session.ready().then(route).catch(function (e) { signIn(e.message); });
}());
