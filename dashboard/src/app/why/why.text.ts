import { texts } from '../core/text';

export const WHY_TEXT = texts({
  title: 'Waarom raadpleegt u advertenties?',
  explain: 'Elke raadpleging wordt met deze reden vastgelegd in de audittrail. U geeft hem één keer per sessie op.',
  reason: 'Reden', signal: 'Signaalonderzoek', case: 'Onderzoek met zaaknummer', caseNumber: 'Zaaknummer',
  caseMissing: 'Geef een zaaknummer van 3 tot 200 tekens.', submit: 'Verder',
}, {
  title: 'Why are you consulting ads?',
  explain: 'Every read is recorded with this reason in the audit trail. You give it once per session.',
  reason: 'Reason', signal: 'Signal research', case: 'Investigation with a case number', caseNumber: 'Case number',
  caseMissing: 'Give a case number of 3 to 200 characters.', submit: 'Continue',
});
