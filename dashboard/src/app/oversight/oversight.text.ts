import { texts } from '../core/text';
import { FIGURES, type Figure } from '../../../../src/reports/transparency-figures.ts';
import { figureLabel } from '../../../../src/reports/transparency-report.ts';

// The figures' names come from the report itself, so the page and the report never name one differently.
const figureNames = (lang: 'nl' | 'en') => Object.fromEntries(FIGURES.map((f) => [f, figureLabel(f, lang).trim()])) as Record<Figure, string>;

export const OVERSIGHT_TEXT = texts({
  title: 'Transparantie', intro: 'Cijfers voor de commissie webcrawler, per thema en kalendermaand. Alleen aantallen: geen advertenties, geen namen.',
  from: 'Vanaf (maand)', to: 'Tot en met (maand)', show: 'Tonen', loading: 'Laden…', shown: 'Cijfers van {from} tot en met {to} getoond.',
  loadFailed: 'Dit lukt nu niet: {detail}', figure: 'Cijfer', period: 'Periode', suppressed: 'onderdrukt',
  suppressedNote: 'Aantallen onder {n} zijn onderdrukt, met wat ze zou verraden. Een periodetotaal staat er alleen als elke maand ervan getoond is, zodat overlappende periodes niets onthullen.',
  keptChart: 'Bewaarde advertenties per maand ({theme})', searchChart: 'Zoekopdrachten per rol in de periode ({theme})', readChart: 'Raadplegingen per soort reden in de periode ({theme})',
  chainOk: 'Auditlogboek gecontroleerd: {n} gebeurtenissen, keten en controlepunten kloppen.',
  chainBroken: 'Auditlogboek gecontroleerd: {n} gebeurtenissen, {breaks} breuken, {checkpoints} afwijkingen van de controlepunten.',
  noThemes: 'Geen thema\'s in beeld.',
  ...figureNames('nl'),
}, {
  title: 'Transparency', intro: 'Figures for the oversight committee, per theme and calendar month. Counts only: no ads, no names.',
  from: 'From (month)', to: 'To (month, inclusive)', show: 'Show', loading: 'Loading…', shown: 'Figures from {from} to {to} shown.',
  loadFailed: 'This is not possible right now: {detail}', figure: 'Figure', period: 'Period', suppressed: 'suppressed',
  suppressedNote: 'Counts below {n} are suppressed, with whatever would give them away. A period total shows only when each of its months shows, so overlapping periods reveal nothing.',
  keptChart: 'Ads kept per month ({theme})', searchChart: 'Searches by role in the period ({theme})', readChart: 'Reads by kind of reason in the period ({theme})',
  chainOk: 'Audit trail checked: {n} events, the chain and its checkpoints agree.',
  chainBroken: 'Audit trail checked: {n} events, {breaks} breaks, {checkpoints} disagreements with the checkpoints.',
  noThemes: 'No themes in view.',
  ...figureNames('en'),
});
