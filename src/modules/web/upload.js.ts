// The one script of the portal: the upload form shows its progress (the page works without it —
// the form posts as it is — and the answer replaces the page as a normal post would).
export const UPLOAD_JS = `
(function () {
  var form = document.querySelector('form[data-upload]');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var bar = form.querySelector('progress');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    if (bar) { bar.hidden = false; bar.value = 0; }
    xhr.upload.addEventListener('progress', function (p) {
      if (bar && p.lengthComputable) bar.value = Math.round((p.loaded / p.total) * 100);
    });
    xhr.addEventListener('load', function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () { form.submit(); });
    xhr.send(new FormData(form));
  });
})();
`;
