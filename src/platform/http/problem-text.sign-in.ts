// What the refusals of signing in mean, in Kazakh, Russian and English: the headlines of the
// codes of password and certificate sign-in (the reasons of the pki module and of the mapping of
// a certificate to a user), shown by the sign-in page from the API's localised problem.
type Text = Record<'kk' | 'ru' | 'en', string>;

export const SIGN_IN_PROBLEMS: Record<string, Text> = {
  bad_credentials: {
    kk: 'Логин немесе құпиясөз қате',
    ru: 'Неверный логин или пароль',
    en: 'The login or the password is wrong',
  },
  sign_in_throttled: {
    kk: 'Сәтсіз кіру әрекеттері тым көп, кейінірек қайталаңыз',
    ru: 'Слишком много неудачных попыток входа, повторите позже',
    en: 'Too many failed sign-ins, try again later',
  },
  sign_in_locked: {
    kk: 'Логин бұғатталды, әкімшіге хабарласыңыз',
    ru: 'Логин заблокирован, обратитесь к администратору',
    en: 'The login is locked, ask an administrator',
  },
  certificate_sign_in_off: {
    kk: 'Сертификатпен кіру бапталмаған',
    ru: 'Вход по сертификату не настроен',
    en: 'Certificate sign-in is not configured',
  },
  certificate_malformed: {
    kk: 'Қолтаңба оқылмайды',
    ru: 'Подпись не читается',
    en: 'The signature cannot be read',
  },
  certificate_content_mismatch: {
    kk: 'Қолтаңба басқа мәтінге қойылған',
    ru: 'Подпись сделана под другим текстом',
    en: 'The signature is over another text',
  },
  certificate_bad_signature: {
    kk: 'Қолтаңба жарамсыз',
    ru: 'Подпись неверна',
    en: 'The signature is not valid',
  },
  certificate_unsupported_algorithm: {
    kk: 'Қолтаңба алгоритмі қолдау көрсетілмейді',
    ru: 'Алгоритм подписи не поддерживается',
    en: 'The signature algorithm is not supported',
  },
  certificate_expired: {
    kk: 'Сертификаттың мерзімі өтіп кеткен',
    ru: 'Срок действия сертификата истёк',
    en: 'The certificate has expired',
  },
  certificate_not_yet_valid: {
    kk: 'Сертификат әлі күшіне енбеген',
    ru: 'Сертификат ещё не действует',
    en: 'The certificate is not valid yet',
  },
  certificate_wrong_key_usage: {
    kk: 'Бұл кілт аутентификацияға арналмаған (AUTH_ кілтін таңдаңыз)',
    ru: 'Этот ключ не предназначен для аутентификации (выберите ключ AUTH_)',
    en: 'This key is not for authentication (choose the AUTH_ key)',
  },
  certificate_untrusted_chain: {
    kk: 'Сертификатты сенімді куәландырушы орталық бермеген',
    ru: 'Сертификат выдан не доверенным удостоверяющим центром',
    en: 'The certificate is not issued by a trusted certification authority',
  },
  certificate_revoked: {
    kk: 'Сертификат кері қайтарылған',
    ru: 'Сертификат отозван',
    en: 'The certificate is revoked',
  },
  certificate_revocation_unknown: {
    kk: 'Сертификаттың кері қайтарылмағанын тексеру мүмкін емес',
    ru: 'Не удалось проверить, не отозван ли сертификат',
    en: 'Whether the certificate is revoked cannot be checked',
  },
  certificate_verifier_unavailable: {
    kk: 'Қолтаңбаны тексеру қызметі қолжетімсіз',
    ru: 'Служба проверки подписи недоступна',
    en: 'The signature verification service is unavailable',
  },
  certificate_unknown_challenge: {
    kk: 'Қол қойылған мәтін ескірген немесе бұрын пайдаланылған, қайталаңыз',
    ru: 'Подписанный текст устарел или уже использован, повторите',
    en: 'The signed text has expired or was used already; try again',
  },
  certificate_no_iin: {
    kk: 'Сертификатта ЖСН жоқ',
    ru: 'В сертификате нет ИИН',
    en: 'The certificate carries no IIN',
  },
  certificate_unknown_iin: {
    kk: 'Бұл ЖСН бар пайдаланушы жоқ',
    ru: 'Нет пользователя с этим ИИН',
    en: 'No user has this IIN',
  },
  certificate_wrong_organisation: {
    kk: 'Сертификат пайдаланушының ұйымына тиесілі емес',
    ru: 'Сертификат не относится к организации пользователя',
    en: "The certificate is not of the user's organisation",
  },
};
