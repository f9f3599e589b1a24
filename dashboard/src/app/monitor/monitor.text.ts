import { texts } from '../core/text';

export const FIGURE_TEXT = texts({
  active: 'Actief', new: 'Nieuw', gone: 'Verdwenen', licensed: 'Vergund', unlicensed: 'Niet vergund', unknown: 'Onbekend',
}, {
  active: 'Active', new: 'New', gone: 'Gone', licensed: 'Licensed', unlicensed: 'Unlicensed', unknown: 'Unknown',
});

export const OUTCOME_TEXT = texts({
  visited: 'Bezocht', licensed: 'Toch vergund', 'not-found': 'Niet aangetroffen', closed: 'Gesloten', 'referred-to-police': 'Doorverwezen naar politie',
}, {
  visited: 'Visited', licensed: 'Licensed after all', 'not-found': 'Not found', closed: 'Closed', 'referred-to-police': 'Referred to police',
});

export const MONITOR_TEXT = texts({
  title: 'Monitor', intro: 'Het online aanbod per gemeente in de gekozen weken. Aantallen onder de drempel tonen als "< {n}".',
  theme: 'Thema', from: 'Van week', to: 'Tot en met week', province: 'Provincie', allProvinces: 'Alle provincies', show: 'Tonen',
  loading: 'Laden…', none: 'Geen gemeenten met advertenties in deze periode.', failed: 'Het lukte niet: {detail}',
  municipalities: 'Gemeenten', municipality: 'Gemeente', code: 'CBS-code', totals: 'Totaal', inspections: 'Controles',
  unresolved: 'Niet toe te wijzen: {ambiguous} dubbelzinnig, {unknown} onbekend.',
  map: 'Kaart', mapLabel: 'Kaart van Nederland met {n} gemeenten, punten naar aantal actieve advertenties',
  mapLoading: 'Kaart laden…', mapFailed: 'De kaart kon niet worden geladen.', mapAttribution: 'Omtrek: Natural Earth (publiek domein).',
  trend: 'Verloop per week', trendLabel: 'Verloop van actieve, nieuwe en verdwenen advertenties per week', week: 'Week',
  noTheme: 'U hebt geen gemeentelijk thema.', period: 'Periode {from} t/m {to}',
}, {
  title: 'Monitor', intro: 'The online supply per municipality in the chosen weeks. Counts below the threshold show as "< {n}".',
  theme: 'Theme', from: 'From week', to: 'To week', province: 'Province', allProvinces: 'All provinces', show: 'Show',
  loading: 'Loading…', none: 'No municipalities with ads in this period.', failed: 'That did not work: {detail}',
  municipalities: 'Municipalities', municipality: 'Municipality', code: 'CBS code', totals: 'Total', inspections: 'Inspections',
  unresolved: 'Not assignable: {ambiguous} ambiguous, {unknown} unknown.',
  map: 'Map', mapLabel: 'Map of the Netherlands with {n} municipalities, points by number of active ads',
  mapLoading: 'Loading map…', mapFailed: 'The map could not be loaded.', mapAttribution: 'Outline: Natural Earth (public domain).',
  trend: 'Trend per week', trendLabel: 'Active, new and gone ads per week', week: 'Week',
  noTheme: 'You hold no municipal theme.', period: 'Period {from} to {to}',
});

export const MUNICIPALITY_TEXT = texts({
  back: 'Terug naar de monitor', loading: 'Laden…', notFound: 'Deze gemeente is onbekend, of u hebt het thema niet.',
  trend: 'Verloop per week', platforms: 'Platforms', criteria: 'Selectiecriteria', source: 'Platform', criterion: 'Criterium',
  count: 'Aantal', inspectionList: 'Controlelijst van deze gemeente', report: 'Raadsrapportage',
  reportPdf: 'Download PDF', reportDocx: 'Download DOCX', downloaded: '{name} gedownload.', failed: 'Het lukte niet: {detail}',
}, {
  back: 'Back to the monitor', loading: 'Loading…', notFound: 'This municipality is unknown, or you do not hold the theme.',
  trend: 'Trend per week', platforms: 'Platforms', criteria: 'Selection criteria', source: 'Platform', criterion: 'Criterion',
  count: 'Count', inspectionList: 'Inspection list of this municipality', report: 'Council report',
  reportPdf: 'Download PDF', reportDocx: 'Download DOCX', downloaded: '{name} downloaded.', failed: 'That did not work: {detail}',
});

export const INSPECTIONS_TEXT = texts({
  title: 'Controlelijst {name}', back: 'Naar de gemeente in de monitor', loading: 'Laden…', empty: 'Er staat niets op deze controlelijst.',
  intro: 'Advertenties die de selectiecriteria kozen. Vergelijk ze, plan een bezoek en leg de uitkomst vast.',
  ad: 'Advertentie', reasons: 'Waarom geselecteerd', state: 'Stand', plan: 'Bezoek gepland', outcome: 'Uitkomst', untitled: '(zonder titel)',
  gone: 'niet meer beschikbaar', unselected: 'voldoet niet meer aan de criteria',
  s_open: 'Open', s_planned: 'Gepland', s_done: 'Afgehandeld',
  select: 'Kies', selectAd: 'Kies {title} om te vergelijken', compare: 'Vergelijk', compareHint: 'Kies 2 tot 4 advertenties om naast elkaar te zien.',
  planLabel: 'Bezoekdatum voor {title}', savePlan: 'Plannen', planned: 'Bezoek aan {title} gepland op {date}.',
  outcomeLabel: 'Uitkomst voor {title}', noteLabel: 'Notitie bij de uitkomst voor {title}', chooseOutcome: 'Kies een uitkomst',
  saveOutcome: 'Uitkomst vastleggen', recorded: 'Uitkomst voor {title} vastgelegd: {outcome}.', by: '{by}, {at}',
  export: 'Export als CSV aanvragen', exported: 'Export aangevraagd. Een collega moet hem goedkeuren; daarna downloadt u hem onder Exports.', failed: 'Het lukte niet: {detail}',
  notFound: 'Deze controlelijst bestaat niet, of u hebt het thema niet.',
}, {
  title: 'Inspection list {name}', back: 'To the municipality in the monitor', loading: 'Loading…', empty: 'There is nothing on this inspection list.',
  intro: 'Ads the selection criteria chose. Compare them, plan a visit and record the outcome.',
  ad: 'Ad', reasons: 'Why selected', state: 'State', plan: 'Visit planned', outcome: 'Outcome', untitled: '(untitled)',
  gone: 'no longer available', unselected: 'no longer meets the criteria',
  s_open: 'Open', s_planned: 'Planned', s_done: 'Done',
  select: 'Select', selectAd: 'Select {title} to compare', compare: 'Compare', compareHint: 'Select 2 to 4 ads to see them side by side.',
  planLabel: 'Visit date for {title}', savePlan: 'Plan', planned: 'Visit to {title} planned on {date}.',
  outcomeLabel: 'Outcome for {title}', noteLabel: 'Note on the outcome for {title}', chooseOutcome: 'Choose an outcome',
  saveOutcome: 'Record outcome', recorded: 'Outcome for {title} recorded: {outcome}.', by: '{by}, {at}',
  export: 'Request CSV export', exported: 'Export requested. A colleague must approve it; then download it under Exports.', failed: 'That did not work: {detail}',
  notFound: 'This inspection list does not exist, or you do not hold the theme.',
});
