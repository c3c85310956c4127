// The words of the sign-in page (a password, or a digital-signature certificate through NCALayer
// or a signature made elsewhere) in Kazakh (the default), Russian and English. Kept apart from
// messages.*.ts. The script of the page (sign-in.js) takes them from the page's data attributes.
import type { Lang } from './i18n.js';

const en = {
  passwordWay: 'With login and password',
  certificateWay: 'With a digital-signature certificate (EDS)',
  certificateNeedsJs:
    'This way needs JavaScript in your browser. Without it, sign in with your login and password.',
  signWithNcaLayer: 'Sign in with NCALayer',
  ncaLayerHint:
    'NCALayer, the signing application of the National Certification Centre, must be running on this computer; choose your authentication key (AUTH_…) in it.',
  withoutNcaLayer:
    'Without NCALayer: sign this text with your authentication key in another application, then paste the signature (CMS, base64) or choose its file.',
  newChallenge: 'Get a text to sign',
  challengeText: 'Text to sign',
  signature: 'Signature (CMS, base64)',
  signatureFile: 'or its file (.cms, .p7s)',
  sendSignature: 'Sign in with this signature',
  ncaLayerUnavailable:
    'NCALayer does not answer. Start it and try again, or use a signature made in another application.',
  ncaLayerCancelled: 'The signing was cancelled.',
  certificateRefused: 'The certificate sign-in is refused',
  signingIn: 'Signing in…',
  signInThrottled:
    'Too many failed sign-ins for this login or from this address. Try again in a few minutes.',
  signInLocked: 'This login is locked after too many failed sign-ins. Ask an administrator to unlock it.',
} as const;

export type SignInMessageKey = keyof typeof en;
type Messages = Record<SignInMessageKey, string>;

const ru: Messages = {
  passwordWay: 'По логину и паролю',
  certificateWay: 'С сертификатом ЭЦП',
  certificateNeedsJs:
    'Для этого способа в браузере должен быть включён JavaScript. Без него войдите по логину и паролю.',
  signWithNcaLayer: 'Войти через NCALayer',
  ncaLayerHint:
    'На этом компьютере должно быть запущено приложение NCALayer Национального удостоверяющего центра; выберите в нём ключ для аутентификации (AUTH_…).',
  withoutNcaLayer:
    'Без NCALayer: подпишите этот текст ключом аутентификации в другой программе, затем вставьте подпись (CMS, base64) или выберите её файл.',
  newChallenge: 'Получить текст для подписи',
  challengeText: 'Текст для подписи',
  signature: 'Подпись (CMS, base64)',
  signatureFile: 'или её файл (.cms, .p7s)',
  sendSignature: 'Войти с этой подписью',
  ncaLayerUnavailable:
    'NCALayer не отвечает. Запустите его и повторите попытку или используйте подпись, сделанную в другой программе.',
  ncaLayerCancelled: 'Подписание отменено.',
  certificateRefused: 'Вход по сертификату отклонён',
  signingIn: 'Выполняется вход…',
  signInThrottled:
    'Слишком много неудачных попыток входа с этим логином или с этого адреса. Повторите через несколько минут.',
  signInLocked:
    'Логин заблокирован после слишком многих неудачных попыток входа. Обратитесь к администратору, чтобы его разблокировать.',
};

const kk: Messages = {
  passwordWay: 'Логин мен құпиясөз арқылы',
  certificateWay: 'ЭЦҚ сертификатымен',
  certificateNeedsJs:
    'Бұл тәсіл үшін браузерде JavaScript қосулы болуы керек. Онсыз логин мен құпиясөз арқылы кіріңіз.',
  signWithNcaLayer: 'NCALayer арқылы кіру',
  ncaLayerHint:
    'Бұл компьютерде Ұлттық куәландырушы орталықтың NCALayer қосымшасы іске қосылған болуы керек; онда аутентификация кілтін (AUTH_…) таңдаңыз.',
  withoutNcaLayer:
    'NCALayer-сіз: осы мәтінге басқа бағдарламада аутентификация кілтімен қол қойып, қолтаңбаны (CMS, base64) қойыңыз немесе оның файлын таңдаңыз.',
  newChallenge: 'Қол қоятын мәтінді алу',
  challengeText: 'Қол қоятын мәтін',
  signature: 'Қолтаңба (CMS, base64)',
  signatureFile: 'немесе оның файлы (.cms, .p7s)',
  sendSignature: 'Осы қолтаңбамен кіру',
  ncaLayerUnavailable:
    'NCALayer жауап бермейді. Оны іске қосып, қайталаңыз немесе басқа бағдарламада жасалған қолтаңбаны пайдаланыңыз.',
  ncaLayerCancelled: 'Қол қою тоқтатылды.',
  certificateRefused: 'Сертификатпен кіру қабылданбады',
  signingIn: 'Кіру орындалуда…',
  signInThrottled:
    'Осы логинмен немесе осы мекенжайдан сәтсіз кіру әрекеттері тым көп. Бірнеше минуттан кейін қайталаңыз.',
  signInLocked:
    'Сәтсіз кіру әрекеттері тым көп болғандықтан логин бұғатталды. Бұғаттан шығару үшін әкімшіге хабарласыңыз.',
};

export const SIGN_IN_MESSAGES: Record<Lang, Messages> = { kk, ru, en };

export const signInWords =
  (lang: Lang) =>
  (key: SignInMessageKey): string =>
    SIGN_IN_MESSAGES[lang][key];
