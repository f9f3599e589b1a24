import { texts } from '../core/text';

export const AD_REPORT_TEXT = texts({
  title: 'Proces-verbaal',
  intro: 'Maak het proces-verbaal van bevindingen van deze advertentie volgens het standaardsjabloon. Het vermeldt het aantal indicatoren, nooit welke; uw eigen beoordeling vult u in het document zelf in.',
  officer: 'Verbalisant', unit: 'Eenheid', format: 'Bestandsvorm', docx: 'Word (DOCX, te bewerken)', pdf: 'PDF (archief)',
  make: 'Proces-verbaal maken', missing: 'Vul de verbalisant en de eenheid in.', made: 'Gedownload: {file}.', failed: 'Mislukt: {detail}',
}, {
  title: 'Official report',
  intro: 'Make the official report (proces-verbaal van bevindingen) of this ad from the standard template. It states the number of indicators, never which ones; you write your own assessment in the document itself.',
  officer: 'Officer', unit: 'Unit', format: 'File format', docx: 'Word (DOCX, editable)', pdf: 'PDF (archival)',
  make: 'Make the report', missing: 'Fill in the officer and the unit.', made: 'Downloaded: {file}.', failed: 'Failed: {detail}',
});
