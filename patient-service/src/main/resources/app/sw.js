// The app's service worker: lets the installed app open without signal. The shell (the page and its files) comes from the
// network when there is one, so an update reaches the phone at once, and is kept for when there is none. API calls never go
// through here: the app itself keeps the check-in form and the check-ins waiting to be sent.
'use strict';

var CACHE = 'cart-companion-app-3';
var SHELL = ['/app/', '/app/sign-in', '/app/assets/app.js', '/app/assets/app.css', '/app/assets/page.js',
  '/app/assets/sign-in.js', '/app/assets/manifest.webmanifest', '/app/assets/icon-192.png', '/app/assets/icon.svg'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches['delete'](k); }));
    })
    .then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  // The page and its files only: the API answers through /app/api/ are the user's data, never kept here.
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !/^\/app(\/|$)/.test(url.pathname)
      || url.pathname.indexOf('/app/api/') === 0 || url.pathname === '/app/sw.js') {
    return;
  }
  // One page whatever its query (the identity provider's return adds ?code=…): kept as /app/.
  var key = url.pathname === '/app' || url.pathname === '/app/' ? '/app/' : url.pathname;
  event.respondWith(fetch(event.request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(key).then(function (kept) { return kept || Response.error(); });
  }));
});

// A check-in reminder pushed by patient-service (web push): shown as a notification that opens the app at the check-in.
self.addEventListener('push', function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || 'CAR-T Companion', {
    body: data.body || '', tag: data.tag || 'cart-reminder', icon: '/app/assets/icon-192.png', badge: '/app/assets/icon-192.png',
    data: { url: data.url || '/app/' }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || '/app/';
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (new URL(windows[i].url).pathname.indexOf('/app') === 0 && 'focus' in windows[i]) {
        return windows[i].navigate(url).then(function (w) { return w && w.focus(); });
      }
    }
    return self.clients.openWindow(url);
  }));
});
