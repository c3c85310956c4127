// The script of the sign-in page's certificate way (the password form needs none). It asks the
// service for a challenge, has NCALayer sign it — its local WebSocket, module
// kz.gov.pki.knca.commonUtils, method createCAdESFromBase64 with the AUTHENTICATION key, the
// content attached — or takes a signature made elsewhere (pasted base64, PEM, or a DER file), and
// posts it with the challenge to /api/v1/session/certificate. A refusal is shown in the page's
// language (the API localises its problem by Accept-Language). Served as a file: the CSP forbids
// inline scripts.
export const SIGN_IN_JS = `
(function () {
  var root = document.getElementById('certificate-sign-in');
  if (!root || !window.fetch || !window.WebSocket) return;
  var box = root.querySelector('[data-needs-script]');
  var status = root.querySelector('[data-certificate-status]');
  var form = root.querySelector('[data-signature-form]');
  var lang = root.getAttribute('data-lang');
  box.hidden = false;

  function say(text, bad) {
    status.textContent = text;
    status.className = bad ? 'errors' : '';
  }
  function api(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: body
        ? { 'content-type': 'application/json', 'accept-language': lang }
        : { 'accept-language': lang },
      body: body ? JSON.stringify(body) : undefined
    });
  }
  function problemOf(res) {
    return res.json().then(function (p) {
      return p.headline || p.detail || p.title || String(res.status);
    }, function () { return String(res.status); });
  }
  function challenge() {
    return api('/api/v1/session/challenge').then(function (res) {
      if (!res.ok) return problemOf(res).then(function (text) { throw new Error(text); });
      return res.json().then(function (c) { return c.challenge; });
    });
  }
  function signIn(cms, text) {
    say(root.getAttribute('data-signing-in'), false);
    return api('/api/v1/session/certificate', { cms: cms, challenge: text }).then(function (res) {
      if (res.ok) { window.location.assign(root.getAttribute('data-after')); return; }
      return problemOf(res).then(function (why) {
        say(root.getAttribute('data-refused') + ': ' + why, true);
      });
    });
  }
  function fail(err) { say(err && err.message ? err.message : String(err), true); }

  // NCALayer greets with its version, then answers one request: {code: '200', responseObject}.
  function ncalayerSign(text) {
    return new Promise(function (resolve, reject) {
      var settled = false;
      var ws;
      function end(f, v) { if (settled) return; settled = true; try { ws.close(); } catch (e) {} f(v); }
      var unavailable = new Error(root.getAttribute('data-unavailable'));
      try { ws = new WebSocket(root.getAttribute('data-ncalayer')); } catch (e) { reject(unavailable); return; }
      ws.onerror = function () { end(reject, unavailable); };
      ws.onclose = function () { end(reject, unavailable); };
      ws.onmessage = function (m) {
        var r;
        try { r = JSON.parse(m.data); } catch (e) { return; }
        if (r.result && r.result.version) {
          ws.send(JSON.stringify({
            module: 'kz.gov.pki.knca.commonUtils',
            method: 'createCAdESFromBase64',
            args: ['PKCS12', 'AUTHENTICATION', btoa(text), true]
          }));
          return;
        }
        if (String(r.code) === '200' && r.responseObject) { end(resolve, r.responseObject); return; }
        var cancelled = /cancel/i.test(String(r.message || ''));
        end(reject, new Error(cancelled ? root.getAttribute('data-cancelled') : String(r.message || r.code)));
      };
    });
  }

  root.querySelector('[data-ncalayer-sign]').addEventListener('click', function () {
    var text;
    challenge()
      .then(function (c) { text = c; return ncalayerSign(c); })
      .then(function (cms) { return signIn(cms, text); })
      .catch(fail);
  });

  root.querySelector('[data-new-challenge]').addEventListener('click', function () {
    challenge().then(function (c) { form.elements.challenge.value = c; form.elements.challenge.select(); }, fail);
  });

  // A signature file is DER, or base64 text (PEM armour taken off).
  function base64Of(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    var armoured = text.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\\s+/g, '');
    if (/^[A-Za-z0-9+/=]+$/.test(armoured) && armoured.length % 4 === 0) return armoured;
    return btoa(text);
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = form.elements.challenge.value;
    var file = form.elements.cmsFile.files && form.elements.cmsFile.files[0];
    var pasted = form.elements.cms.value.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\\s+/g, '');
    var cms = file
      ? file.arrayBuffer().then(base64Of)
      : Promise.resolve(pasted);
    cms.then(function (b64) { return signIn(b64, text || undefined); }).catch(fail);
  });
})();
`;
