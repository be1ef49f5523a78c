// CAR-T Companion: how a page (the on-call console, the patient app) signs its user in.
// With the hospital's identity provider: the OAuth 2.0 authorization-code flow with PKCE (RFC 7636) as a public client, the
// tokens refreshed before they expire, sign-out at the provider. Without one (local runs): a pasted access token.
// The page asks its own service what to do (GET <config>): { mode: "token" } or the provider's endpoints and client id.
(function () {
  'use strict';

  var REFRESH_AT = 0.75; // of a token's lifetime: a token of 5 minutes is renewed after 3¾

  function base64url(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(size) {
    var bytes = new Uint8Array(size);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function challengeOf(verifier) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
      .then(function (digest) { return base64url(new Uint8Array(digest)); });
  }

  /** A JWT's payload, read without checking it: the services check every token; the page only shows names and times. */
  function claimsOf(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) { return {}; }
  }

  /** When a session's token is renewed: at three quarters of its life. */
  function renewalDue(s) { return s.issuedAt + (s.expiresAt - s.issuedAt) * REFRESH_AT; }

  /**
   * options: config (the URL of the page's sign-in settings), home (the page's base path, also the redirect URI's path),
   * key (the storage key), storage (sessionStorage or localStorage), onSignedOut (called when the session ends by itself).
   */
  function SignIn(options) {
    this.options = options;
    this.storage = options.storage || sessionStorage;
    this.config = null;
    this.timer = null;
    this.refreshing = null;
  }

  SignIn.prototype.redirectUri = function () { return location.origin + this.options.home; };

  SignIn.prototype.session = function () {
    try { return JSON.parse(this.storage.getItem(this.options.key)) || null; } catch (e) { return null; }
  };

  SignIn.prototype.save = function (session) {
    this.storage.setItem(this.options.key, JSON.stringify(session));
    this.schedule();
  };

  SignIn.prototype.forget = function () {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    this.storage.removeItem(this.options.key);
  };

  /** The access token, or null when nobody is signed in or the token has run out. */
  SignIn.prototype.token = function () {
    var s = this.session();
    return s && s.accessToken && (!s.expiresAt || s.expiresAt > Date.now()) ? s.accessToken : null;
  };

  /** "identity-provider" or "token". */
  SignIn.prototype.mode = function () { return this.config ? this.config.mode : 'token'; };

  /**
   * Reads the settings and, when the provider has just sent the user back with a code, exchanges it. Resolves with the access
   * token or null; rejects with a message the page shows.
   */
  SignIn.prototype.ready = function () {
    var self = this;
    return fetch(this.options.config, { headers: { 'Accept': 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error('Sign-in is unavailable just now: the hospital\'s sign-in service cannot be reached. Try again shortly.'); }
      return response.json();
    }).then(function (config) {
      self.config = config;
      var params = new URLSearchParams(location.search);
      if (config.mode === 'identity-provider' && (params.has('code') || params.has('error'))) {
        return self.complete(params);
      }
      if (self.session() && !self.token()) {
        return self.refresh().then(function () { return self.token(); });
      }
      self.schedule();
      return self.token();
    });
  };

  /** Sends the browser to the provider's sign-in page; it comes back to the page's home with a code. */
  SignIn.prototype.signIn = function () {
    var self = this;
    if (!window.crypto || !crypto.subtle) {
      return Promise.reject(new Error('Signing in needs a secure address (https): ask your hospital for the right link.'));
    }
    var verifier = random(48);
    var state = random(24);
    var nonce = random(24);
    return challengeOf(verifier).then(function (challenge) {
      sessionStorage.setItem(self.options.key + '.pending', JSON.stringify({
        verifier: verifier, state: state, nonce: nonce, returnTo: location.pathname + location.hash
      }));
      var query = new URLSearchParams({
        response_type: 'code', client_id: self.config.clientId, redirect_uri: self.redirectUri(), scope: self.config.scope,
        state: state, nonce: nonce, code_challenge: challenge, code_challenge_method: 'S256'
      });
      location.assign(self.config.authorizationEndpoint + '?' + query.toString());
    });
  };

  SignIn.prototype.complete = function (params) {
    var self = this;
    var pending;
    try { pending = JSON.parse(sessionStorage.getItem(this.options.key + '.pending')); } catch (e) { pending = null; }
    sessionStorage.removeItem(this.options.key + '.pending');
    var returnTo = pending && pending.returnTo ? pending.returnTo : this.options.home;
    history.replaceState(null, '', returnTo);
    if (params.has('error')) {
      return Promise.reject(new Error('Sign-in did not complete (' + (params.get('error_description') || params.get('error')) + ').'));
    }
    // The answer must be to this tab's own request (state) from this provider (RFC 9207 iss), or it is not used.
    if (!pending || params.get('state') !== pending.state) {
      return Promise.reject(new Error('That sign-in answer was not for this page. Sign in again.'));
    }
    if (params.has('iss') && params.get('iss') !== this.config.issuer) {
      return Promise.reject(new Error('That sign-in answer came from another sign-in service. Sign in again.'));
    }
    return this.tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: this.redirectUri(),
      code_verifier: pending.verifier
    }).then(function (answer) {
      if (answer.id_token && claimsOf(answer.id_token).nonce !== pending.nonce) {
        throw new Error('That sign-in answer was not for this page. Sign in again.');
      }
      self.keep(answer, null);
      return self.token();
    });
  };

  SignIn.prototype.tokenRequest = function (form) {
    form.client_id = this.config.clientId;
    return fetch(this.config.tokenEndpoint, { method: 'POST', body: new URLSearchParams(form) }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok || !body.access_token) {
          throw new Error('The sign-in service refused (' + (body.error_description || body.error || response.status) + '). Sign in again.');
        }
        return body;
      });
    });
  };

  SignIn.prototype.keep = function (answer, previous) {
    var lifetime = (answer.expires_in || claimsOf(answer.access_token).exp - Date.now() / 1000 || 300) * 1000;
    this.save({
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token || (previous && previous.refreshToken) || null,
      idToken: answer.id_token || (previous && previous.idToken) || null,
      issuedAt: Date.now(),
      expiresAt: Date.now() + lifetime
    });
  };

  SignIn.prototype.schedule = function () {
    var self = this;
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    var s = this.session();
    if (!s || !s.refreshToken || this.mode() !== 'identity-provider') { return; }
    this.timer = setTimeout(function () { self.refresh(); }, Math.max(0, renewalDue(s) - Date.now()));
  };

  /** Renews the tokens with the refresh token; resolves true when a fresh access token is kept. One request at a time. */
  SignIn.prototype.refresh = function () {
    var self = this;
    var s = this.session();
    if (!s || !s.refreshToken || this.mode() !== 'identity-provider') { return Promise.resolve(false); }
    if (!this.refreshing) {
      this.refreshing = this.tokenRequest({ grant_type: 'refresh_token', refresh_token: s.refreshToken })
        .then(function (answer) { self.keep(answer, s); return true; })
        .catch(function () {
          // The provider ended the session (signed out elsewhere, idle too long, the account disabled): sign in again.
          self.forget();
          if (self.options.onSignedOut) { self.options.onSignedOut(); }
          return false;
        })
        .then(function (renewed) { self.refreshing = null; return renewed; });
    }
    return this.refreshing;
  };

  /**
   * A JSON request to the page's service with the user's token. A 401 renews the token once (a tab woken from sleep) and
   * tries again; then the session is over. Resolves with the parsed body; rejects with the problem's detail and status.
   * options: method, body (sent as JSON), headers.
   */
  SignIn.prototype.api = function (path, options, renewed) {
    var self = this;
    options = options || {};
    var headers = { 'Authorization': 'Bearer ' + this.token(), 'Accept': 'application/json' };
    if (options.body) { headers['Content-Type'] = 'application/json'; }
    Object.keys(options.headers || {}).forEach(function (h) { headers[h] = options.headers[h]; });
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body ? JSON.stringify(options.body) : undefined })
      .then(function (response) {
        if (response.status === 401) {
          if (!renewed) {
            return self.refresh().then(function (ok) {
              if (ok) { return self.api(path, options, true); }
              throw new Error('Your sign-in has expired or was not accepted. Sign in again.');
            });
          }
          self.forget();
          throw new Error('Your sign-in has expired or was not accepted. Sign in again.');
        }
        return response.text().then(function (text) {
          var body = text ? JSON.parse(text) : null;
          if (!response.ok) {
            var e = new Error((body && body.detail) || ('The request failed (' + response.status + ').'));
            e.status = response.status;
            throw e;
          }
          return body;
        });
      });
  };

  /** Local runs: the pasted token, kept until it expires. */
  SignIn.prototype.useToken = function (value) {
    var token = value.trim().replace(/^Bearer\s+/i, '');
    if (token.split('.').length !== 3) { throw new Error('That does not look like an access token.'); }
    var exp = claimsOf(token).exp;
    this.save({ accessToken: token, issuedAt: Date.now(), expiresAt: exp ? exp * 1000 : null });
  };

  /**
   * Wires a page's sign-in screen: #sign-in-provider with #sign-in-button (to the provider's page) or, without a provider,
   * #sign-in-form with its #token (a pasted token). show() picks the one that applies; signedIn runs after a pasted token.
   */
  SignIn.prototype.screen = function (signedIn, showError) {
    var self = this;
    var button = document.getElementById('sign-in-button');
    var form = document.getElementById('sign-in-form');
    var token = document.getElementById('token');
    button.addEventListener('click', function () {
      button.disabled = true;
      self.signIn().catch(function (e) { button.disabled = false; showError(e.message); });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      try { self.useToken(token.value); } catch (e) { showError(e.message); return; }
      token.value = '';
      signedIn();
    });
    return {
      show: function () {
        var provider = self.mode() === 'identity-provider';
        document.getElementById('sign-in-provider').hidden = !provider;
        form.hidden = provider;
      }
    };
  };

  /** Forgets the tokens here and, with a provider, ends the session there and comes back to the page's home. */
  SignIn.prototype.signOut = function () {
    var s = this.session();
    this.forget();
    if (this.mode() === 'identity-provider' && this.config.endSessionEndpoint) {
      var query = new URLSearchParams({ client_id: this.config.clientId, post_logout_redirect_uri: this.redirectUri() });
      if (s && s.idToken) { query.set('id_token_hint', s.idToken); }
      location.assign(this.config.endSessionEndpoint + '?' + query.toString());
      return true;
    }
    return false;
  };

  // A tab woken from sleep may hold an expired token: renew it before the page's next request.
  SignIn.prototype.watch = function () {
    var self = this;
    document.addEventListener('visibilitychange', function () {
      var s = self.session();
      if (document.visibilityState === 'visible' && s && s.refreshToken && Date.now() > renewalDue(s)) {
        self.refresh();
      }
    });
  };

  window.CartSignIn = function (options) {
    var signIn = new SignIn(options);
    signIn.watch();
    return signIn;
  };
}());
