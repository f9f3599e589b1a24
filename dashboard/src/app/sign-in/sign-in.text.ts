import { texts } from '../core/text';

export const SIGN_IN_TEXT = texts({
  name: 'Gebruikersnaam', password: 'Wachtwoord', totp: 'Eenmalige code',
  totpHint: '(als uw account er een heeft)', submit: 'Aanmelden',
  ended: 'Uw sessie is beëindigd. Meld u opnieuw aan; daarna gaat u verder waar u was.',
  missing: 'Vul uw gebruikersnaam en wachtwoord in.',
  wrong: 'Gebruikersnaam, wachtwoord of eenmalige code klopt niet, of het account is (tijdelijk) geblokkeerd.',
  tooMany: 'Te veel pogingen vanaf dit adres. Probeer het over een minuut opnieuw.',
  failed: 'Aanmelden lukt nu niet. Probeer het later opnieuw.',
}, {
  name: 'User name', password: 'Password', totp: 'One-time code',
  totpHint: '(if your account has one)', submit: 'Sign in',
  ended: 'Your session has ended. Sign in again to continue where you were.',
  missing: 'Enter your user name and password.',
  wrong: 'Wrong user name, password or one-time code, or the account is (temporarily) locked.',
  tooMany: 'Too many attempts from this address. Try again in a minute.',
  failed: 'Signing in is not possible right now. Try again later.',
});
