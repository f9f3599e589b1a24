// The session cookie's name. `__Host-` makes browsers refuse it unless Secure, Path=/ and without a
// Domain, so no sibling host can set or overwrite it.
export const SESSION_COOKIE = '__Host-baken-session';
export const CSRF_HEADER = 'x-csrf-token';
