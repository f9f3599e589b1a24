// Phone numbers as E.164, one notation for ads and registers alike so they can be compared.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The number in E.164 ("+31612345678"), or undefined when it is no valid number; the market is
 *  Dutch, so national numbers ("06-12345678") are read as NL. */
export function toE164(raw: string): string | undefined {
  const phone = parsePhoneNumberFromString(raw.replace(/^tel:/i, ''), 'NL');
  return phone?.isValid() ? phone.number : undefined;
}
