import { texts } from '../core/text';

export const AD_REPORT_TEXT = texts({
  title: 'Proces-verbaal',
  intro: 'Vraag het proces-verbaal van bevindingen van deze advertentie aan, volgens het standaardsjabloon. Het vermeldt het aantal indicatoren, nooit welke; uw eigen beoordeling vult u in het document zelf in. Een collega keurt de aanvraag goed; daarna downloadt u het onder Exports.',
  officer: 'Verbalisant', unit: 'Eenheid', format: 'Bestandsvorm', docx: 'Word (DOCX, te bewerken)', pdf: 'PDF (archief)',
  make: 'Proces-verbaal aanvragen', missing: 'Vul de verbalisant en de eenheid in.', requested: 'Aangevraagd. Na goedkeuring door een collega downloadt u het onder Exports.', failed: 'Mislukt: {detail}',
}, {
  title: 'Official report',
  intro: 'Request the official report (proces-verbaal van bevindingen) of this ad from the standard template. It states the number of indicators, never which ones; you write your own assessment in the document itself. A colleague approves the request; then you download it under Exports.',
  officer: 'Officer', unit: 'Unit', format: 'File format', docx: 'Word (DOCX, editable)', pdf: 'PDF (archival)',
  make: 'Request the report', missing: 'Fill in the officer and the unit.', requested: 'Requested. Once a colleague approves it, download it under Exports.', failed: 'Failed: {detail}',
});
