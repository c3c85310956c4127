// The sign-in page of the staff's area, both ways: the password form (which works without
// JavaScript), and a digital-signature certificate (which needs it, and says so): the page's
// script fetches a challenge, has NCALayer sign it with the authentication key (or takes a
// signature made in another application, pasted or as a file), posts the CMS to
// /api/v1/session/certificate and goes on to the staff's area. The page's Content-Security-Policy
// lets it connect to NCALayer's local address (NCALAYER_URL) and to nothing else outside.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.js';
import { contentSecurityPolicy, type HttpApp } from '../../platform/http/index.js';
import { html } from './html.js';
import { translator, type Lang } from './i18n.js';
import { link, type PageInput } from './layout.js';
import { SIGN_IN_JS } from './sign-in.js.js';
import { signInWords } from './staff.sign-in.messages.js';

type Render = (lang: Lang, input: Omit<PageInput, 't'>) => string;
const HTML = 'text/html; charset=utf-8';

/** The origin of NCALayer's WebSocket, as a CSP source: `wss://127.0.0.1:13579`. */
const originOf = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
};

/** Serves the page's script; returns the function that answers with the sign-in page. */
export function signInPageOf(app: HttpApp, config: Config, render: Render) {
  const script = Buffer.from(SIGN_IN_JS);
  app.get('/assets/sign-in.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script),
  );
  const csp = contentSecurityPolicy({ connectSrc: ["'self'", originOf(config.ncalayerUrl)] });

  return (req: FastifyRequest, reply: FastifyReply, lang: Lang, error: string | null, status = 200) => {
    const t = translator(lang);
    const w = signInWords(lang);
    const path = req.url.replace(/^\/(kk|ru|en)/, '').split('?')[0] || '/';
    const body = html`<h1>${t.t('signIn')}</h1>${error ? html`<p class="errors" role="alert">${error}</p>` : null}
      <section aria-labelledby="password-way"><h2 id="password-way">${w('passwordWay')}</h2>
        <form class="stack" method="post" action="${link(lang, '/staff/sign-in')}">
          <label>${t.t('login')}<input type="text" name="login" autocomplete="username" required maxlength="64"></label>
          <label>${t.t('password')}<input type="password" name="password" autocomplete="current-password" required maxlength="1024"></label>
          <button type="submit">${t.t('signIn')}</button></form></section>
      <section aria-labelledby="certificate-way" id="certificate-sign-in" data-lang="${lang}"
        data-ncalayer="${config.ncalayerUrl}" data-after="${link(lang, '/staff')}"
        data-unavailable="${w('ncaLayerUnavailable')}" data-cancelled="${w('ncaLayerCancelled')}"
        data-refused="${w('certificateRefused')}" data-signing-in="${w('signingIn')}">
        <h2 id="certificate-way">${w('certificateWay')}</h2>
        <p>${w('certificateNeedsJs')}</p>
        <div data-needs-script hidden>
          <p>${w('ncaLayerHint')}</p>
          <p><button type="button" data-ncalayer-sign>${w('signWithNcaLayer')}</button></p>
          <details><summary>${w('withoutNcaLayer')}</summary>
            <form class="stack" data-signature-form>
              <p><button type="button" data-new-challenge>${w('newChallenge')}</button></p>
              <label>${w('challengeText')}<textarea name="challenge" readonly rows="2"></textarea></label>
              <label>${w('signature')}<textarea name="cms" rows="4" spellcheck="false"></textarea></label>
              <label>${w('signatureFile')}<input type="file" name="cmsFile" accept=".cms,.p7s,.p7b,.sig,.txt"></label>
              <button type="submit">${w('sendSignature')}</button></form></details>
          <p role="status" aria-live="polite" data-certificate-status></p>
        </div></section>
      <script src="/assets/sign-in.js" defer></script>`;
    return reply
      .status(status)
      .type(HTML)
      .header('cache-control', 'private, no-store')
      .header('content-security-policy', csp)
      .send(render(lang, { title: t.t('signIn'), path, nav: 'staff', body }));
  };
}
