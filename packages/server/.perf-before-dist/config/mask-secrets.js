/**
 * Keeps secrets out of error messages and logs: passwords inside connection URLs
 * (`postgres://user:secret@host` → `postgres://user:***@host`), credential query parameters, and
 * the whole value of variables whose name looks secret.
 */
const MASK = '***';
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ENCRYPTION_?KEY|CREDENTIAL)/i;
/** `scheme://user:password@` (or `user:password@` with no scheme, at the start). */
const URL_PASSWORD = /((?:^|\/\/)[^\s:/@]*:)[^\s@/]*@/g;
/** `password=…` as a query parameter or in free text (`key=value` settings, libpq strings). */
const SECRET_PARAM = /((?:^|[?&\s;,])(?:password|passwd|pass|pwd|token|secret|api_?key|sslpassword)=)[^&\s#;,]*/gi;
export const isSecretName = (name) => SECRET_NAME.test(name);
/** Masks credentials wherever they appear inside free text (URLs, driver error messages). */
export function maskCredentials(text) {
    return text.replace(URL_PASSWORD, `$1${MASK}@`).replace(SECRET_PARAM, `$1${MASK}`);
}
/** The printable form of an environment variable's value. */
export function printableValue(name, value) {
    return isSecretName(name) ? '<redacted>' : maskCredentials(value);
}
//# sourceMappingURL=mask-secrets.js.map